/** What replaces a secret in URLs, messages, details and logs. */
export const REDACTED = 'REDACTED';

/** Query parameter and field names whose values are secrets. */
const secretKey = /token|password|passwd|secret|pin$|^pin|authorization|cookie/i;

/**
 * Query parameters that are credentials without being secret-named: the token's `timestamp` travels with it
 * (API.md: an error's `url` has its credentials redacted). Only in URLs: `timestamp` is an ordinary field of
 * chat messages.
 */
const credentialParam = /^timestamp$/i;

/** Secrets shorter than this are only redacted by key name: replacing every "1" in a text would destroy it. */
const minSecretLength = 3;

function usable(secrets: Iterable<string | undefined>): string[] {
  const list: string[] = [];
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < minSecretLength) continue;
    list.push(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) list.push(encoded);
    const formEncoded = encoded.replace(/%20/g, '+');
    if (formEncoded !== encoded) list.push(formEncoded);
  }
  // Longest first, so a secret containing another is replaced whole.
  return list.sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of the given secret values (raw and percent-encoded) in `text`. */
export function redactText(text: string, secrets: Iterable<string | undefined> = []): string {
  let out = text;
  for (const secret of usable(secrets)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * Redacts a URL: values of secret query parameters (token, timestamp, password, moderatorPin, ...) become
 * `REDACTED`, then any known secret value left anywhere in it.
 */
export function redactUrl(url: string, secrets: Iterable<string | undefined> = []): string {
  const queryStart = url.indexOf('?');
  const out =
    queryStart < 0
      ? url
      : url.slice(0, queryStart) +
        url.slice(queryStart).replace(/([?&])([^=&#]*)=[^&#]*/g, (pair, separator: string, name: string) => {
          let decoded = name;
          try {
            decoded = decodeURIComponent(name);
          } catch {
            // A malformed name is kept as is.
          }
          return secretKey.test(decoded) || credentialParam.test(decoded) ? `${separator}${name}=${REDACTED}` : pair;
        });
  return redactText(out, secrets);
}

/**
 * A deep copy of `value` with secret-named fields replaced by `REDACTED` and known secret values
 * removed from every string. Cycles and depth beyond 20 are cut.
 */
export function redactDeep(value: unknown, secrets: Iterable<string | undefined> = []): unknown {
  const list = usable(secrets);
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return list.length ? redactText(item, list) : item;
    if (typeof item !== 'object' || item === null) return item;
    if (depth > 20 || seen.has(item)) return '[cut]';
    seen.add(item);
    if (Array.isArray(item)) return item.map((entry) => walk(entry, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(item)) {
      const secretValue = entry !== null && entry !== undefined && typeof entry !== 'boolean';
      out[key] = secretKey.test(key) && secretValue ? REDACTED : walk(entry, depth + 1);
    }
    return out;
  };
  return walk(value, 0);
}
