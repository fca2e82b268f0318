import { z } from 'zod';
import { isLocalDateTime } from '../protocol/local-date-time';
import { isIsoDate } from './iso-date';

/**
 * The one wire form of a calendar date and of a local date-time: the shape and the calendar
 * (no 30 February, no hour 24), checked by the same predicates the rules use.
 */

/** 'YYYY-MM-DD', an existing date; `message` overrides the default error text. */
export function isoDateString(message = 'expected an existing calendar date YYYY-MM-DD') {
  return z.string().refine(isIsoDate, { message });
}

export const isoDateSchema = isoDateString();

/** 'YYYY-MM-DDTHH:mm[:ss[.fraction]]', wall-clock time in Italy, without offset. */
export const localDateTimeSchema = z
  .string()
  .refine(isLocalDateTime, { message: 'expected an existing local date-time YYYY-MM-DDTHH:mm[:ss]' });
