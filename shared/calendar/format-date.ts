import type { Locale } from '../i18n/locale';
import { parseIsoDate, type IsoDate } from './iso-date';

/** Month names as documents print them (shared with the codice fiscale explanations). */
export const MONTH_NAMES: Record<Locale, readonly string[]> = {
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "3 dicembre 2025" / "3 December 2025", without Intl so the text never depends on the runtime. */
export function formatIsoDate(date: IsoDate, locale: Locale): string {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return `${parts.day} ${MONTH_NAMES[locale][parts.month - 1] ?? parts.month} ${parts.year}`;
}
