/** What replaces a secret in URLs, messages, details and logs. */
export const REDACTED = 'REDACTED';

/** Query parameter and field names whose values are secrets. */
const secretKey = /token|password|passwd|secret|pin$|^pin|authorization|cookie/i;

/** Secrets shorter than this are only redacted by key name: replacing every "1" in a text would destroy it. */
const minSecretLength = 3;

/** Secret values to redact from text. */
export type Secrets = Iterable<string | undefined>;

/**
 * The redaction of the given secret values (raw, percent- and form-encoded) from a text, longest first so that
 * a secret containing another is replaced whole.
 */
function redactor(secrets: Secrets): (text: string) => string {
  const list: string[] = [];
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < minSecretLength) continue;
    const encoded = encodeURIComponent(secret);
    list.push(secret, encoded, encoded.replace(/%20/g, '+'));
  }
  const sorted = [...new Set(list)].sort((a, b) => b.length - a.length);
  return (text) => sorted.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/**
 * Redacts a URL: values of secret query parameters (token, password, moderatorPin, ...) and of the token's
 * `timestamp` become `REDACTED`, then any known secret value left anywhere in it. `timestamp` is a credential
 * only in URLs (API.md: an error's `url` has its credentials redacted); in chat messages it is an ordinary field.
 */
export function redactUrl(url: string, secrets: Secrets = []): string {
  // Paths are percent-encoded (encodeSegment), so a raw `?` or `&` before the query cannot occur.
  const byName = url.replace(/([?&])([^=&#]*)=[^&#]*/g, (pair, separator: string, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // A malformed name is kept as is.
    }
    return secretKey.test(decoded) || /^timestamp$/i.test(decoded) ? `${separator}${name}=${REDACTED}` : pair;
  });
  return redactor(secrets)(byName);
}

/**
 * A deep copy of `value` with secret-named fields replaced by `REDACTED` and known secret values
 * removed from every string (`value` itself too, when a string). Cycles and depth beyond 20 are cut.
 */
export function redactDeep(value: string, secrets: Secrets): string;
export function redactDeep(value: unknown, secrets: Secrets): unknown;
export function redactDeep(value: unknown, secrets: Secrets): unknown {
  const redact = redactor(secrets);
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return redact(item);
    if (typeof item !== 'object' || item === null) return item;
    if (depth > 20 || seen.has(item)) return '[cut]';
    seen.add(item);
    if (Array.isArray(item)) return item.map((entry) => walk(entry, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(item)) {
      const secretValue = entry != null && typeof entry !== 'boolean';
      out[key] = secretKey.test(key) && secretValue ? REDACTED : walk(entry, depth + 1);
    }
    return out;
  };
  return walk(value, 0);
}
