// `${VAR}` in string values is replaced from the environment when a file is
// loaded; `${VAR:-default}` uses the default when VAR is unset or empty (as in
// a shell); `$${` writes a literal `${`. Keys are never substituted.
// Every value taken from the environment is registered as a secret (see
// isEnvironmentSecret), so runs, logs and answers never show it.
import { registerSecret } from '@state-hub/config';
import { fieldPathText, type FieldPath } from './field-path';

export type UnsetVariables = 'error' | 'placeholder';

/** Stands in for an unset variable when linting; a valid URL host so URL checks still pass. */
export const UNSET_PLACEHOLDER = 'http://unset-variable.invalid';

export interface SubstitutionIssue {
  path: FieldPath;
  message: string;
}

export interface Substitution {
  value: unknown;
  problems: SubstitutionIssue[];
  warnings: SubstitutionIssue[];
}

/**
 * Whether a value `${VAR}` took from the environment is hidden as a secret: all are, but for a bare origin such as
 * `http://127.0.0.1:3000` (STATE_HUB_URL), which is an address; a URL with a path, query or user info (a Slack
 * webhook, `https://user:pass@…`) is a secret.
 */
export function isEnvironmentSecret(value: string): boolean {
  return !/^https?:\/\/[A-Za-z0-9.\-[\]:]+\/?$/.test(value);
}

const TOKEN = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\{[^}]{0,40}\}?/g;

export function substituteVariables(
  value: unknown,
  env: Record<string, string | undefined>,
  unset: UnsetVariables,
): Substitution {
  const out: Substitution = { value: undefined, problems: [], warnings: [] };
  out.value = walk(value, [], env, unset, out);
  return out;
}

function walk(
  value: unknown,
  path: PropertyKey[],
  env: Record<string, string | undefined>,
  unset: UnsetVariables,
  out: Substitution,
): unknown {
  if (typeof value === 'string') return substituteString(value, path, env, unset, out);
  if (Array.isArray(value)) return value.map((item: unknown, index) => walk(item, [...path, index], env, unset, out));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const rendered = walk(item, [...path, key], env, unset, out);
      Object.defineProperty(result, key, { value: rendered, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return value;
}

function substituteString(
  text: string,
  path: FieldPath,
  env: Record<string, string | undefined>,
  unset: UnsetVariables,
  out: Substitution,
): string {
  const field = fieldPathText(path);
  return text.replace(TOKEN, (match, name: string | undefined, fallback: string | undefined) => {
    if (match === '$${') return '${';
    if (name === undefined) {
      out.problems.push({
        path,
        message: `${field}: malformed variable reference "${match}": write \${NAME} or \${NAME:-default} (NAME: letters, digits, _) or $\${ for a literal \${`,
      });
      return match;
    }
    const found = Object.hasOwn(env, name) ? env[name] : undefined;
    if (found && isEnvironmentSecret(found)) registerSecret(found);
    if (fallback !== undefined) return found ? found : fallback;
    if (found !== undefined) return found;
    if (unset === 'placeholder') {
      out.warnings.push({
        path,
        message: `${field}: environment variable ${name} is not set; checked with a placeholder`,
      });
    } else {
      out.problems.push({ path, message: `${field}: environment variable ${name} is not set` });
    }
    // The placeholder keeps later checks (URL format) from reporting the same cause twice.
    return UNSET_PLACEHOLDER;
  });
}
