// The hub's ValidationPipe. Same rules, same errors as Nest's, after the body depth check (json-depth.ts), which it
// runs first on every body: one global pipe instead of two saves each request with a body the second pipe's turn
// through Nest's pipe chain. Two shortcuts for what a busy hub validates most:
// - a query string is validated once per DTO class and remembered. Clients poll the same URLs (the dashboard every
//   few seconds, agents asking for next steps), and validating the same query into the same DTO through
//   class-transformer and class-validator was about 9 % of a read's CPU. A query that fails is never remembered.
// - a body goes through its DTO's compiled check first (compiled-body-check.ts), which only ever answers "valid";
//   anything else goes through the full pipe, which writes the 400.
import { type ArgumentMetadata, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { isPlainObject } from '@state-hub/envelope';
import { type BodyCheck, compileBodyCheck } from './compiled-body-check';
import { refuseTooDeepBody } from './json-depth';

/** The types whose objects Nest's stripProtoKeys leaves as they are (and whose `constructor` it keeps). */
const BUILT_IN_TYPES: unknown[] = [Date, RegExp, Error, Map, Set, WeakMap, WeakSet];

/** Whether `for…in` yields anything for `object` (its own enumerable keys, or inherited ones). */
function hasEnumerableKey(object: object): boolean {
  for (const _key in object) return true;
  return false;
}

/**
 * Nest's stripProtoKeys (`__proto__`, `prototype` and `constructor` out of every object, in place) for a body that
 * JSON.parse made and the depth check passed. Plain objects and arrays, all such a body holds, take a short way: no
 * visited set, no `instanceof` against each built-in type, and a key is deleted only where the object has it (each
 * `delete` is a slow runtime call in V8, and Nest's runs three per object). Anything else takes Nest's own walk
 * (`nests`). Arrays are walked by index: JSON makes neither holes nor other keys on them.
 *
 * The walk follows own keys only, as the depth check does, so it ends within MAX_JSON_DEPTH levels (a cycle would
 * have been refused). `for…in` also yields inherited keys: an enumerable key on Object.prototype (pollution) would
 * lead from every plain object to the same value, and on without end, so such a body takes Nest's walk whole.
 */
function stripBodyProtoKeys(body: object, nests: (value: object) => void): void {
  if (hasEnumerableKey(Object.prototype)) return nests(body);
  stripPlain(body, nests);
}

function stripPlain(value: unknown, nests: (value: object) => void): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) stripPlain(value[i], nests);
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return nests(value);
  const object = value as Record<string, unknown>;
  if (Object.hasOwn(object, '__proto__')) delete object['__proto__'];
  if (Object.hasOwn(object, 'prototype')) delete object['prototype'];
  if (Object.hasOwn(object, 'constructor') && !BUILT_IN_TYPES.includes(object['constructor'])) {
    delete object['constructor'];
  }
  for (const key in object) stripPlain(object[key], nests);
}

/**
 * The options the compiled body check matches the full pipe under: it builds the DTO and reports errors the way
 * these do. With any other option (groups, transformOptions, skip…, no transform) bodies take the full pipe.
 */
const COMPILED_CHECK_OPTIONS = new Set([
  'whitelist',
  'forbidNonWhitelisted',
  'transform',
  'stopAtFirstError',
  'exceptionFactory',
]);
const compiledCheckFits = (options: ValidationPipeOptions) =>
  options.transform === true && Object.keys(options).every((key) => COMPILED_CHECK_OPTIONS.has(key));

/** Distinct query strings remembered per query DTO class; the oldest is forgotten first. */
export const REMEMBERED_QUERIES = 256;

export class HubValidationPipe extends ValidationPipe {
  private readonly remembered = new Map<unknown, Map<string, object>>();
  private readonly bodyChecks = new Map<unknown, BodyCheck | undefined>();
  private readonly compiledBodies: boolean;

  constructor(options: ValidationPipeOptions = {}) {
    super(options);
    this.compiledBodies = compiledCheckFits(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype } = metadata;
    if (type === 'body') refuseTooDeepBody(value);
    if (!metatype || typeof value !== 'object' || value === null || !this.toValidate(metadata)) {
      return super.transform(value, metadata);
    }
    if (type === 'body' && this.compiledBodies && isPlainObject(value)) {
      return this.checkedBody(value, metadata);
    }
    if (type === 'query') return this.rememberedQuery(value, metadata);
    return super.transform(value, metadata);
  }

  /** The DTO of a body the compiled check passes, else the full pipe's answer (a promise). */
  private checkedBody(body: Record<string, unknown>, metadata: ArgumentMetadata): unknown {
    const dto = metadata.metatype as new () => object;
    if (!this.bodyChecks.has(dto)) this.bodyChecks.set(dto, compileBodyCheck(dto));
    // as the full pipe does first, so both see the same body
    stripBodyProtoKeys(body, (other) => this.stripProtoKeys(other));
    return this.bodyChecks.get(dto)?.(body) ?? super.transform(body, metadata);
  }

  private async rememberedQuery(value: object, metadata: ArgumentMetadata): Promise<unknown> {
    let byQuery = this.remembered.get(metadata.metatype);
    if (!byQuery) this.remembered.set(metadata.metatype, (byQuery = new Map()));
    const key = JSON.stringify(value);
    const known = byQuery.get(key);
    // a copy each time: no request sees what another one did to its DTO
    if (known) return Object.assign(Object.create(Object.getPrototypeOf(known) as object), known);
    const dto = (await super.transform(value, metadata)) as object;
    if (byQuery.size >= REMEMBERED_QUERIES) byQuery.delete(byQuery.keys().next().value as string);
    byQuery.set(key, Object.assign(Object.create(Object.getPrototypeOf(dto) as object), dto));
    return dto;
  }
}
