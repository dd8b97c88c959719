// Does an event start a run of this definition? Subject first, then every filter.
import { subjectMatches } from '@state-hub/subjects';
import type { LoadedDefinition } from '../parse/loaded-definition';
import { attributeText, compileAttributeGlob, type AttributeMatcher } from './attribute-glob';

export interface EventLike {
  type: string;
  attributes: Record<string, unknown>;
}

// Compiled globs per filters object; definitions are immutable once loaded.
const matcherCache = new WeakMap<Record<string, string>, [string, AttributeMatcher][]>();

function filterMatchers(filters: Record<string, string>): [string, AttributeMatcher][] {
  let matchers = matcherCache.get(filters);
  if (!matchers) {
    matchers = Object.entries(filters).map(([name, glob]) => [name, compileAttributeGlob(glob)]);
    matcherCache.set(filters, matchers);
  }
  return matchers;
}

export function matchesEvent(definition: LoadedDefinition, envelope: EventLike): boolean {
  const trigger = definition.definition.trigger;
  if (trigger.trigger_type !== 'event' || !subjectMatches(trigger.event_type, envelope.type)) return false;
  const attributes = envelope.attributes ?? {};
  return filterMatchers(trigger.filters ?? {}).every(([name, matches]) => {
    const text = Object.hasOwn(attributes, name) ? attributeText(attributes[name]) : undefined;
    return text !== undefined && matches(text);
  });
}
