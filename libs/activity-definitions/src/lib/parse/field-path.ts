// Field paths as people read them: `context[0].url`, `instruction.headers.X-Trace`.

export type FieldPath = readonly PropertyKey[];

export function fieldPathText(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const key = String(segment);
      const plain = /^[A-Za-z0-9_-]+$/.test(key);
      text += plain ? `${text ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return text || '(file)';
}
