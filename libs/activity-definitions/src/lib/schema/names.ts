// Name rules shared by the schema parts: definition ids, context bindings,
// header names and environment variable names.

/** Lowercase words joined by single dots or dashes, e.g. `the-custodian.state-hub-consistency-sweep`. */
export const DEFINITION_ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
export const DEFINITION_ID_MAX_LENGTH = 200;

/** A context binding becomes a CEL variable, so it must be a plain lowercase identifier. */
export const BIND_NAME_PATTERN = /^[a-z_][a-z0-9_]*$/;

/** CEL variables the engine always provides; a binding may not shadow them. */
export const BUILT_IN_VARIABLES: readonly string[] = ['event', 'now'];

// CEL reserves these words (cel-spec langdef "Syntax"): a variable with one of
// these names could never be referenced in a rule.
const CEL_RESERVED_WORDS: ReadonlySet<string> = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/** Why `name` cannot be a binding, or undefined when it can. */
export function bindNameProblem(name: string): string | undefined {
  if (BUILT_IN_VARIABLES.includes(name)) return `"${name}" is a built-in rule variable: choose another name`;
  if (CEL_RESERVED_WORDS.has(name)) return `"${name}" is a reserved word in CEL: choose another name`;
  return undefined;
}

/** RFC 9110 token characters. */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Environment variable names for shell instructions (POSIX portable names). */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Envelope attribute keys are snake_case (libs/envelope); filters name top-level attributes. */
export const ATTRIBUTE_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
