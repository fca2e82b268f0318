import { interpolate, type Locale } from '../i18n/locale';
import { readScannedNotice } from '../pagopa/scanner-input';
import { parseTypedDate } from '../registry/search-query';
import { normalizePlate, verbaleKey } from './verbali-csv';

/**
 * What the clerk typed or scanned in the cash desk's one search box, read the way a counter
 * reads it (like registry/search-query.ts for residents): a scanned notice (QR, Data Matrix,
 * the 18 digits), verbale number + plate (+ date), a plate, or the debtor's codice fiscale.
 * Pure: the desk runs the matching query.
 */
export type DebtQueryPlan =
  | { kind: 'notice'; notice: string }
  | { kind: 'verbale'; key: string; plate: string; date: string | null }
  | { kind: 'plate'; plate: string }
  | { kind: 'debtor'; cf: string }
  /** `scanError`: what the scanner reader says is wrong with a code that looks scanned */
  | { kind: 'invalid'; scanError?: Record<Locale, string> };

/** A personal codice fiscale (16) or the 11 digits of a company or body. */
const CF = /^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]$|^\d{11}$/;

export function planDebtLookup(raw: string): DebtQueryPlan {
  const text = raw.trim();
  if (text === '') return { kind: 'invalid' };
  const scan = readScannedNotice(text);
  if (scan.ok) return { kind: 'notice', notice: scan.value.noticeNumber };
  // what a reader typed (a pagoPA code, a long run of digits): say what is wrong with it
  if (/^PAGOPA|^codfase|^\d[\d\s]{15,}$/i.test(text))
    return { kind: 'invalid', scanError: scan.error.message };
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (CF.test(compact)) return { kind: 'debtor', cf: compact };
  // "AB 123 CD", as people read a plate aloud
  const whole = normalizePlate(compact);
  if (whole?.format === 'italian') return { kind: 'plate', plate: whole.plate };
  let number: string | null = null;
  let plate: string | null = null;
  let date: string | null = null;
  for (const token of text.split(/\s+/)) {
    const asDate = parseTypedDate(token);
    if (typeof asDate === 'string') date = asDate;
    else if (/^\d+(\/[A-Za-z0-9]+)?$/.test(token)) {
      const [n = '', s = ''] = token.split('/');
      number = verbaleKey(s, n);
    } else {
      const p = normalizePlate(token);
      if (!p) return { kind: 'invalid' };
      plate = p.plate;
    }
  }
  if (number && plate) return { kind: 'verbale', key: number, plate, date };
  if (plate && !number) return { kind: 'plate', plate };
  return { kind: 'invalid' };
}

const TEXT = {
  notFound: {
    it: 'Nessun verbale o avviso trovato per «{q}».',
    en: 'No fine or notice found for “{q}”.',
  },
  unknownNotice: {
    it: "Avviso {n} sconosciuto: non è un avviso del Comune o non è ancora stato caricato. Il cittadino può pagarlo con pagoPA presso l'ente che lo ha emesso.",
    en: 'Unknown notice {n}: not one of the comune’s, or not loaded yet. It can be paid through pagoPA to the body that issued it.',
  },
  invalid: {
    it: 'Scrivere il numero del verbale e la targa (es. 1234/A AB123CD), la sola targa, il codice fiscale del debitore o leggere l’avviso con lo scanner.',
    en: 'Type the fine number and plate (e.g. 1234/A AB123CD), the plate alone, the debtor’s tax code, or scan the notice.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** What to tell the clerk about text that is none of the accepted forms. */
export function invalidDebtQueryMessage(
  plan: Extract<DebtQueryPlan, { kind: 'invalid' }>,
  locale: Locale,
): string {
  return plan.scanError?.[locale] ?? TEXT.invalid[locale];
}

/** Nothing matched a verbale, plate or codice fiscale query. */
export function debtNotFoundMessage(query: string, locale: Locale): string {
  return interpolate(TEXT.notFound[locale], { q: query.trim() });
}

/** A well-formed notice that is not among the comune's debts. */
export function unknownNoticeMessage(notice: string, locale: Locale): string {
  return interpolate(TEXT.unknownNotice[locale], { n: notice });
}
