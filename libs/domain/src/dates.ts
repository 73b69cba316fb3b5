export interface ParsedIsoDate {
  /** The instant; for a date without a time, midnight UTC of that day. */
  date: Date;
  /** True when the input was a calendar date (`2024-03-31`) without a time. */
  dateOnly: boolean;
}

const ISO_DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses an ISO 8601 calendar date (`2024-03-31`) or a date-time with an
 * explicit offset (`2024-03-31T12:00:00Z`, `…+02:00`). Returns null for
 * anything else, including dates that do not exist (`2023-02-30`), which
 * `new Date()` would silently roll over into March.
 */
export function parseIsoDate(value: string): ParsedIsoDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonthUtc(year, month - 1)) return null;

  const hours = h === undefined ? 0 : Number(h);
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (hours > 23 || minutes > 59 || seconds > 59) return null;

  let offsetMinutes = 0;
  if (offset !== undefined && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const offsetHours = Number(offset.slice(1, 3));
    const offsetMins = Number(offset.slice(4, 6));
    if (offsetHours > 14 || offsetMins > 59) return null;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }

  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds, millis);
  return { date: new Date(date.getTime() - offsetMinutes * 60_000), dateOnly: h === undefined };
}

/** Number of days in a month (0-based month index) of the given year. */
export function daysInMonthUtc(year: number, monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex + 1, 0);
  return date.getUTCDate();
}

/**
 * The same wall-clock instant (UTC) a number of calendar months earlier;
 * the day is clamped to the target month's length (31 March − 1 month = 28/29 February).
 */
export function subtractMonthsUtc(date: Date, months: number): Date {
  const totalMonths = date.getUTCFullYear() * 12 + date.getUTCMonth() - months;
  const year = Math.floor(totalMonths / 12);
  const monthIndex = totalMonths - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonthUtc(year, monthIndex));
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, monthIndex, day);
  return result;
}
