import { isIsoDate, type IsoDate } from '../calendar/iso-date';

/**
 * A wall-clock moment in Italy (Europe/Rome), written without offset:
 * 'YYYY-MM-DDTHH:mm', 'YYYY-MM-DDTHH:mm:ss' or with a fraction ('…:ss.sss').
 *
 * Legal dates (the protocol year, the start of an administrative term) are local civil dates,
 * so the caller converts the clock to Europe/Rome once, at the edge, and the rules here only
 * read the date part. No `Date`, no `Intl`: the result never depends on the machine's zone.
 *
 * Known limit: in the hour repeated when daylight saving ends (last Sunday of October,
 * 02:00-02:59 twice) two different instants have the same local text, so ordering inside that
 * hour is not guaranteed. Counters are closed at that time.
 */
export type LocalDateTime = string;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?$/;

export function isLocalDateTime(value: unknown): value is LocalDateTime {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1]);
}

/** The comparable form 'YYYY-MM-DDTHH:mm:ss.fffffffff'; throws on a malformed value. */
function normalized(value: LocalDateTime): string {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match || !isIsoDate(match[1])) {
    throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:mm[:ss]): ${JSON.stringify(value)}`);
  }
  const [, date, hh, mm, ss = '00', fraction = ''] = match;
  return `${date}T${hh}:${mm}:${ss}.${fraction.padEnd(9, '0')}`;
}

/** The local civil date of a moment: '2026-01-01T00:10' → '2026-01-01'. */
export function localDateOf(value: LocalDateTime): IsoDate {
  return normalized(value).slice(0, 10);
}

/** Negative, 0 or positive as `a` is before, equal to or after `b`. */
export function compareLocalDateTimes(a: LocalDateTime, b: LocalDateTime): number {
  const x = normalized(a);
  const y = normalized(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
