import { formatServerDate, parseServerDate, parseServerOffset } from '../../src/core/dates';
import type { Program } from '../../src/core/types';

/** Joins the truthy class names. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** `3:05`, `1:02:03`; an empty string for a missing or negative duration. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * A date as the reader's locale writes it, in the reader's zone. Program and report dates arrive as the
 * server's wall clock without a zone (WIRE.md): given the server's offset (`useServerOffset()`) they are
 * converted, else shown as given. ISO text with a zone and epoch ms are instants. Text that does not parse
 * is shown as it came.
 */
export function formatDate(text: string | number | undefined, serverOffsetMinutes?: number): string {
  if (text === undefined || text === '') return '';
  const date = parseServerDate(text, serverOffsetMinutes);
  if (!date) return String(text);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * The `dateTime` attribute of a `<time>`: the UTC instant when it is known; a zone-less server date whose
 * offset is unknown stays a local date and time (`2026-03-02T13:00:00`), which is what it says.
 */
export function isoDate(text: string | number | undefined, serverOffsetMinutes?: number): string | undefined {
  if (text === undefined || text === '') return undefined;
  const date = parseServerDate(text, serverOffsetMinutes);
  if (!date) return undefined;
  if (typeof text === 'string' && serverOffsetMinutes === undefined && isZoneless(text)) {
    return formatServerDate(date.getTime(), -date.getTimezoneOffset());
  }
  return date.toISOString();
}

function isZoneless(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text.trim()) && parseServerOffset(text) === undefined;
}

/** The program's name, or the given fallback when it has none. */
export function nameOf(program: Program | undefined, fallback: string): string {
  return program?.name?.trim() ? program.name : fallback;
}

/** An absolute URL for a server-relative one (thumbnails), against the recording server's base URL. */
export function resolveUrl(base: string, url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}
