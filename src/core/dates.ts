/**
 * The date forms of WIRE.md. Program and report dates are the server's wall clock without zone or
 * fraction (`2026-03-02T13:00:00`); `systemTimeISO8601` carries the server's offset
 * (`2026-03-02T13:00:00+01:00`); `systemTime` and chat times are epoch ms. Answers keep the text as it
 * came: these functions read it leniently (other ISO-8601 forms too) when a date is needed.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetMinutesOf(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone.startsWith('-') ? -minutes : minutes;
}

/**
 * Reads a server date. Text with a zone (`Z`, `+01:00`) is that instant. Zone-less text is the server's
 * wall clock: with the server's offset (minutes east of UTC, from {@link parseServerOffset} of
 * `systemTimeISO8601`) it becomes the instant it names; without it, it is read as given (the same wall
 * clock in the reader's zone). Numbers are epoch ms. Anything that does not parse gives `undefined`.
 *
 * @example
 * parseServerDate('2026-03-02T13:00:00', 60)?.toISOString(); // '2026-03-02T12:00:00.000Z'
 * parseServerDate('2026-03-02T12:00:00.250Z')?.getTime(); // 1772452800250
 */
export function parseServerDate(
  value: string | number | null | undefined,
  serverOffsetMinutes?: number,
): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined;
  const text = value.trim();
  if (/^-?\d{9,}$/.test(text)) return new Date(Number(text));
  const match = DATE_TIME.exec(text);
  if (!match) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : new Date(ms);
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const ms = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  if (parts[1] > 11 || parts[2] < 1 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return undefined;
  const wall = Date.UTC(...parts, ms);
  if (new Date(wall).getUTCDate() !== parts[2]) return undefined;
  if (zone !== undefined) return new Date(wall - offsetMinutesOf(zone) * 60_000);
  if (serverOffsetMinutes !== undefined && Number.isFinite(serverOffsetMinutes)) {
    return new Date(wall - serverOffsetMinutes * 60_000);
  }
  return new Date(...parts, ms);
}

/**
 * The offset, in minutes east of UTC, that a date-time text carries (`+01:00` gives 60, `Z` gives 0);
 * `undefined` when it carries none. Read it from `systemTimeISO8601` to place the server's zone-less dates.
 */
export function parseServerOffset(text: string | null | undefined): number | undefined {
  const match = DATE_TIME.exec(text?.trim() ?? '');
  return match?.[8] === undefined ? undefined : offsetMinutesOf(match[8]);
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** An instant as a server writes program and report dates: `YYYY-MM-DDTHH:MM:SS` on its wall clock. */
export function formatServerDate(epochMs: number, serverOffsetMinutes: number): string {
  const wall = new Date(Math.floor(epochMs / 1000) * 1000 + serverOffsetMinutes * 60_000);
  return wall.toISOString().slice(0, 19);
}

/** An instant as a server writes `systemTimeISO8601`: its wall clock and its offset, `+HH:MM`. */
export function formatServerDateTime(epochMs: number, serverOffsetMinutes: number): string {
  const sign = serverOffsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.trunc(serverOffsetMinutes / 60))}:${pad(serverOffsetMinutes % 60)}`;
  return `${formatServerDate(epochMs, serverOffsetMinutes)}${offset}`;
}
