// Glob matching for event filters. Attribute values are not paths, so `*`
// matches any run of characters, slashes and leading dots included
// (`refs/heads/*` matches `refs/heads/feature/x`); `?`, `[…]`, `{a,b}` work as usual.
import picomatch from 'picomatch';

// Slashes are mapped to a private-use character on both sides, which makes
// picomatch treat the whole value as one path segment.
const SLASH_STAND_IN = '\uE000';

export type AttributeMatcher = (value: string) => boolean;

export function compileAttributeGlob(glob: string): AttributeMatcher {
  if (glob === '*') return () => true;
  const matcher = picomatch(flatten(glob), { dot: true, windows: false });
  return (value) => matcher(flatten(value));
}

function flatten(text: string): string {
  return text.replaceAll('/', SLASH_STAND_IN);
}

/** The string a filter sees for an attribute value; undefined when the attribute is absent. */
export function attributeText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}
