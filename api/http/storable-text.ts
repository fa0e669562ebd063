// Text PostgreSQL cannot store: the NUL character, and half of a UTF-16
// surrogate pair (JSON may carry both as \u escapes). Let through, a jsonb
// write fails with a 500, and one inside a case action would fail its read-
// model projection on every retry; so the API refuses them up front.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path ('form.objectName', 'attachments.0.id') of the first string or key holding such text, or null. */
export function unstorableTextPath(value: unknown, path: readonly string[] = []): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') : null;
  if (!value || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = UNSTORABLE.test(key) ? [...path, key].join('.') : unstorableTextPath(child, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
