import type { Locale } from '../../../shared/i18n/locale';
import { cents } from '../../../shared/money/cents';
import { formatEuro, parseEuro } from '../../../shared/money/euro-format';

export const euro = (n: number, locale: Locale): string => formatEuro(cents(n), locale);

/** What the clerk typed in a euro field, in cents, or null while it cannot be read. */
export function typedCents(text: string, locale: Locale): number | null {
  const parsed = parseEuro(text, locale);
  return parsed.ok ? parsed.value : null;
}
