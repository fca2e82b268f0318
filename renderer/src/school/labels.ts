import { MONTH_NAMES } from '../../../shared/calendar/format-date';
import type { Locale } from '../../../shared/i18n/locale';
import type { SchoolBand } from '../../../shared/school/school-wire';
import { euro } from '../cashdesk/money';
import type { T } from '../i18n/useT';

/** "gennaio 2027" / "January 2027" for "2027-01". */
export const monthLabel = (month: string, locale: Locale): string =>
  `${MONTH_NAMES[locale][Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

/** "€ 3,50 a pasto", "€ 25,00 al mese", "esente": a band's price as the screens say it. */
export const priceLabel = (band: SchoolBand | null, t: T, locale: Locale): string =>
  band === null
    ? '—'
    : band.exempt
      ? t('school.exempt')
      : t(band.unit === 'meal' ? 'school.price.meal' : 'school.price.month', {
          price: euro(band.unitPriceCents, locale),
        });
