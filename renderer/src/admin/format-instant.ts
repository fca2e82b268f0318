import type { Locale } from '../../../shared/i18n/locale';

/** "07/12/2026, 09:41": an instant as the clerk reads it, Italian format in Rome's time. */
export function formatInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
