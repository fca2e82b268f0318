import { interpolate, type Locale } from '../i18n/locale';
import { MONTH_NAMES } from '../calendar/format-date';
import type { CfProblem } from './codice-fiscale';

const TEXT = {
  length: {
    it: 'Il codice fiscale ha 16 caratteri: ne sono stati digitati {length}.',
    en: 'A codice fiscale has 16 characters: {length} were typed.',
  },
  letter_expected: {
    it: 'Al carattere {position} ci vuole una lettera, non «{found}».',
    en: 'Character {position} must be a letter, not “{found}”.',
  },
  digit_expected: {
    it: 'Al carattere {position} ci vuole una cifra (o una lettera di omocodia L–V), non «{found}».',
    en: 'Character {position} must be a digit (or an omocodia letter L–V), not “{found}”.',
  },
  month: {
    it: '«{found}» non è una lettera di mese valida (ammesse: A B C D E H L M P R S T).',
    en: '“{found}” is not a valid month letter (allowed: A B C D E H L M P R S T).',
  },
  day: {
    it: 'Giorno di nascita impossibile: {day} (uomini 01–31, donne 41–71).',
    en: 'Impossible day of birth: {day} (men 01–31, women 41–71).',
  },
  impossible_date: {
    it: 'Data di nascita impossibile: {day} {month} (anno ..{year}).',
    en: 'Impossible date of birth: {month} {day} (year ..{year}).',
  },
  check_char: {
    it: 'Carattere di controllo errato: è «{found}», dovrebbe essere «{expected}». Probabile errore di battitura.',
    en: 'Wrong check character: it is “{found}”, it should be “{expected}”. Probably a typing error.',
  },
} as const satisfies Record<CfProblem['kind'], Record<Locale, string>>;

/** One sentence per problem, for the inline explanation under the search box. */
export function describeCfProblem(problem: CfProblem, locale: Locale): string {
  const params: Record<string, string | number> = { ...problem };
  if (problem.kind === 'impossible_date')
    params.month = MONTH_NAMES[locale][problem.month - 1] ?? problem.month;
  return interpolate(TEXT[problem.kind][locale], params);
}
