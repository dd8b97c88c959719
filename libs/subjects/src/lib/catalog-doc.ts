// Renders docs/nats-event-subjects.md from the catalog. Output must be
// deterministic: CI compares the committed file with this function's result.
import { attributeRows } from './attribute-rows';
import { buildEvent } from './build-event';
import { CATALOG } from './catalog';
import { renderMarkdownTable } from './markdown-table';
import type { Subject } from './subject-names';
import type { SubjectSpec } from './subject-spec';

export const GENERATE_DOCS_COMMAND = 'npx nx run subjects:generate-docs';

const EXAMPLE_TIMESTAMP = '2026-11-23T21:04:57.438Z';

/** Fixed UUID v7 ids (their time part is EXAMPLE_TIMESTAMP) so the examples never change. */
const EXAMPLE_IDS: { [S in Subject]: string } = {
  'org.statehub.repo.registered': '01a20a39-ea5e-7a01-8c3f-5b2d9e4a7c10',
  'org.statehub.workstream.completed': '01a20a39-ea5e-7a02-9d4e-6c3e0f5b8d21',
  'org.statehub.decision.resolved': '01a20a39-ea5e-7a03-ae5f-7d4f1a6c9e32',
  'org.statehub.domain.goal.activated': '01a20a39-ea5e-7a04-8f6a-8e5a2b7d0f43',
  'org.statehub.task.stale': '01a20a39-ea5e-7a05-907b-9f6b3c8e1a54',
  'org.repo.commit.pushed': '01a20a39-ea5e-7a06-a18c-a07c4d9f2b65',
};

const ENVELOPE_FIELDS: readonly (readonly string[])[] = [
  ['`id`', 'string', 'required', 'UUID (v7 from the builder): unique per event, stable across retries.'],
  [
    '`type`',
    'string',
    'required',
    'The subject, `org.<publisher>.<noun>[.<noun>].<verb-past-tense>`; at most 255 chars.',
  ],
  ['`version`', 'string', 'required', 'Schema version of the attributes, `<major>.<minor>`; `1.0` for this catalog.'],
  ['`timestamp`', 'string', 'required', 'RFC 3339 UTC, ending in `Z`: when the state change committed.'],
  ['`publisher`', 'string', 'required', 'Who published it, lowercase kebab-case: `state-hub`, `activity-engine`, ...'],
  [
    '`attributes`',
    'object',
    'required',
    'The payload: a JSON object with snake_case top-level keys, schema per subject.',
  ],
  ['`correlation_id`', 'string', 'optional', 'Ties together a chain of events and runs (1-200 chars).'],
  ['`causation_id`', 'string', 'optional', 'Id of the event or run that caused this one (1-200 chars).'],
];

export function renderSubjectCatalog(): string {
  const specs: SubjectSpec<Subject>[] = Object.values(CATALOG);
  return (
    [header(), conventions(), envelope(), compatibility(), overview(specs), ...specs.map(subjectSection)].join('\n\n') +
    '\n'
  );
}

function header(): string {
  return [
    `<!-- Generated from libs/subjects by \`${GENERATE_DOCS_COMMAND}\`. Do not edit by hand. -->`,
    '',
    '# NATS event subjects',
    '',
    `> **Generated file.** Produced from the catalog in \`libs/subjects\` by \`${GENERATE_DOCS_COMMAND}\`;`,
    '> do not edit it by hand. CI fails when it is stale.',
    '',
    'The state hub announces lifecycle changes as events on NATS JetStream. Every event is a JSON',
    '[envelope](#envelope) whose `attributes` follow the schema of its subject, listed below.',
  ].join('\n');
}

function conventions(): string {
  return [
    '## Naming and transport',
    '',
    '- A subject is named `org.<publisher>.<noun>[.<noun>].<verb-past-tense>`: lowercase tokens, dot separated,',
    '  the verb in the past tense because an event reports something that has already happened.',
    '- The NATS subject of a message is its envelope `type`.',
    '- The `Nats-Msg-Id` header is the envelope `id`, so JetStream drops a re-published duplicate.',
    '- Every event goes to the stream `ACTIVITY_EVENTS`, which captures the subjects `org.>`.',
    '- Consumers filter with NATS wildcards: `*` matches exactly one token, a trailing `>` one or more',
    '  (`org.statehub.*.completed`, `org.>`).',
    '- The hub never publishes an envelope that fails validation. The engine reads `org.>`, which other',
    '  publishers share, as a [tolerant reader](#compatibility): it dead-letters only what it cannot interpret.',
  ].join('\n');
}

function compatibility(): string {
  return [
    '## Compatibility',
    '',
    'Publishers are strict, consumers are tolerant.',
    '',
    '- **Versions.** A minor version (`1.1`, `1.2`, ...) only adds attributes; it never removes, renames or',
    '  retypes one. Anything else is a new major version (`2.0`), which a v1 consumer refuses.',
    '- **Publishing.** The hub and the engine publish only envelopes that pass the rules on this page: every',
    '  field of the envelope table above, and the attributes of a catalog subject exactly as its schema lists them.',
    '- **Consuming.** The engine reads any envelope it can interpret and keeps the rest for its definitions:',
    '  - it dead-letters only a message that is not UTF-8 JSON; not an envelope (`id`, `type`, `version`,',
    '    `timestamp`, `publisher` or `attributes` missing or of the wrong JSON type); with an `id` that is empty,',
    '    longer than 128 characters or not printable; with a `timestamp` that is not RFC 3339; whose `type` is',
    '    not its subject; or of another major version of a catalog subject;',
    '  - it accepts any printable `id` up to 128 characters (CloudEvents allows any id), RFC 3339 timestamps',
    '    with any number of fraction digits and any offset, and any `type`, `version` and `publisher` text on',
    '    subjects outside the catalog; unknown top-level fields are ignored, a `null` trace id reads as absent;',
    '  - attributes are checked against the v1 schema as a consumer: unknown attributes are kept and passed to',
    '    definitions, missing ones are absent (`has(event.attributes.x)` in a rule), and each difference is',
    '    recorded on the run as a warning that names the attribute (`attributes.local_path: required`);',
    '  - a filter on a missing attribute does not match, and a rule that reads one declines with a reason',
    '    that names it.',
  ].join('\n');
}

function envelope(): string {
  const table = renderMarkdownTable(['Field', 'Type', 'Presence', 'Rule'], ENVELOPE_FIELDS);
  return [
    '## Envelope',
    '',
    'Encoded as UTF-8 JSON. The rules are what a publisher must keep; publishers send no other top-level fields.',
    '',
    table,
  ].join('\n');
}

function overview(specs: readonly SubjectSpec<Subject>[]): string {
  const rows = specs.map((spec) => [`[\`${spec.subject}\`](#${anchor(spec.subject)})`, spec.firedWhen]);
  return ['## Subjects', '', renderMarkdownTable(['Subject', 'Fires when'], rows)].join('\n');
}

function subjectSection(spec: SubjectSpec<Subject>): string {
  const rows = attributeRows(spec.schema).map((row) => [`\`${row.name}\``, row.type, row.presence, row.description]);
  const example = buildEvent(spec.subject, spec.example, {
    id: EXAMPLE_IDS[spec.subject],
    timestamp: EXAMPLE_TIMESTAMP,
  });
  return [
    `### \`${spec.subject}\``,
    '',
    `**Fires when:** ${spec.firedWhen}`,
    '',
    `Version \`${spec.version}\`, published by \`${spec.publisher}\` with exactly these attributes; consumers keep unknown ones (see [Compatibility](#compatibility)).`,
    '',
    renderMarkdownTable(['Attribute', 'Type', 'Presence', 'Description'], rows),
    '',
    'Example:',
    '',
    '```json',
    JSON.stringify(example, null, 2),
    '```',
  ].join('\n');
}

/** GitHub's heading anchor for a heading that is just the subject in backticks. */
function anchor(subject: string): string {
  return subject.replace(/[^a-z0-9_-]/g, '');
}
