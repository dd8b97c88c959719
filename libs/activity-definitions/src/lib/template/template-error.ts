/** A `{{ … }}` placeholder that cannot be rendered; the message names it. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}
