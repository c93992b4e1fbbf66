/** What went wrong, coarsely: apps branch on this. */
export type RecordingServiceErrorKind =
  'config' | 'network' | 'timeout' | 'aborted' | 'unauthorized' | 'forbidden' | 'not-found' | 'http' | 'validation';

/**
 * The kind of an HTTP error status: 401 `unauthorized`, 403 `forbidden`, 404 `not-found`, any other
 * `http`. The one mapping of the package (recording-server calls, sign-in and downloads).
 */
export function errorKindOfStatus(status: number): RecordingServiceErrorKind {
  return status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'http';
}

export interface RecordingServiceErrorInit {
  kind: RecordingServiceErrorKind;
  message: string;
  status?: number;
  method?: string;
  /** Must already be redacted. */
  url?: string;
  details?: unknown;
  hint?: string;
  cause?: unknown;
}

/** The fields an error has only when given, in the order its JSON form lists them. */
const optionalFields = ['status', 'method', 'url', 'details', 'hint'] as const;

/**
 * Marks this package's errors across copies of the package: an app that loads both the ESM and the CJS
 * build (or two bundles) holds two classes, and `instanceof` alone would fail across them.
 */
const brand = Symbol.for('react-recording-service.RecordingServiceError');

/**
 * The one error type of this package. Its message, `url`, `details` and JSON form never hold a
 * token, password or PIN.
 *
 * @example
 * if (isRecordingServiceError(error) && error.kind === 'unauthorized') showSignIn();
 */
export class RecordingServiceError extends Error {
  override readonly name = 'RecordingServiceError';
  // Declared only: an error has these own properties only when they were given.
  declare readonly kind: RecordingServiceErrorKind;
  declare readonly status?: number;
  declare readonly method?: string;
  declare readonly url?: string;
  declare readonly details?: unknown;
  declare readonly hint?: string;

  constructor(init: RecordingServiceErrorInit) {
    // Only the cause's name and code are kept: a transport error holds the request URL, whose query
    // carries the token, and Node's inspector prints a cause even when it is not enumerable.
    super(
      init.hint ? `${init.message} (${init.hint})` : init.message,
      init.cause === undefined ? {} : { cause: summarizeCause(init.cause) },
    );
    (this as { kind: RecordingServiceErrorKind }).kind = init.kind;
    for (const key of optionalFields) {
      if (init[key] !== undefined) (this as Record<string, unknown>)[key] = init[key];
    }
  }

  /** The brand, on the prototype (not an own property of each error). */
  get [brand](): true {
    return true;
  }

  /** `instanceof` also recognises an error of another copy of this package (ESM and CJS builds). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      super[Symbol.hasInstance](value) ||
      (this === RecordingServiceError && (Object(value) as Record<symbol, unknown>)[brand] === true)
    );
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, kind: this.kind, message: this.message };
    for (const key of optionalFields) json[key] = this[key];
    return json;
  }
}

/** Narrows `error` to a `RecordingServiceError`, from this or any other copy of the package. */
export function isRecordingServiceError(error: unknown): error is RecordingServiceError {
  return error instanceof RecordingServiceError;
}

function summarizeCause(cause: unknown): { name: string; code?: string } {
  const { name, code } = Object(cause) as { name?: unknown; code?: unknown };
  return { name: typeof name === 'string' ? name : typeof cause, ...(typeof code === 'string' && { code }) };
}
