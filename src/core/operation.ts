import type { RecordingContext } from './context';
import { accept, pick, send, signalOf } from './request';
import type { AnswerSchema } from './schemas';
import type { RequestOptions } from './types';

/*
 * The shape most operations share, for the operation modules only (not exported by the package): most are a
 * GET of one path, whose query copies some keys of the params, answered as a schema checks it.
 */

/** The Accept of every list answer but the paged program lists. */
export const listAccept = /* @__PURE__ */ accept('asr.list.v2');

/**
 * A GET of `path` (segments already encoded), its query the `keys` of `params` in that order, its signal the
 * one of `options` or else the one inside `params`, its answer checked by `schema`.
 */
export function read<T, P extends RequestOptions = RequestOptions>(
  context: RecordingContext,
  path: string,
  accept: string,
  schema: () => AnswerSchema<T>,
  params?: P,
  options?: RequestOptions,
  keys: readonly (keyof P & string)[] = [],
  secrets?: (string | undefined)[],
): Promise<T> {
  return send(context, {
    method: 'GET',
    path,
    query: pick(params, keys),
    accept,
    signal: signalOf(params, options),
    secrets,
    answer: { schema },
  });
}
