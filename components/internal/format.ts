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
 * A date as the reader's locale writes it. Dates arrive as ISO-8601 text, sometimes without a zone; text
 * that does not parse is shown as it came.
 */
export function formatDate(text: string | number | undefined): string {
  if (text === undefined || text === '') return '';
  const ms = typeof text === 'number' ? text : Date.parse(text);
  if (Number.isNaN(ms)) return String(text);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The `dateTime` attribute of a `<time>`: ISO text when the date parses. */
export function isoDate(text: string | number | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  const ms = typeof text === 'number' ? text : Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
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
