import type { IsoDate } from './iso-date';

const ROME_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The civil date in Italy at an instant: a certificate issued at 00:30 on 1 January (Rome) is of
 * the new year even though UTC still says 31 December. Every "today" of the law is this one.
 */
export function romeDateOf(instant: Date): IsoDate {
  return ROME_DAY.format(instant);
}

const ROME_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall clock in Italy at an instant, 'YYYY-MM-DDTHH:mm:ss' (a LocalDateTime). */
export function romeDateTimeOf(instant: Date): string {
  return `${romeDateOf(instant)}T${ROME_TIME.format(instant)}`;
}
