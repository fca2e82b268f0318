import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';
import { formatIsoDate } from '../calendar/format-date';
import { compareIsoDates, isoDate, yearOf, type IsoDate } from '../calendar/iso-date';
import { parseEuro } from '../money/euro-format';
import { iseeFail, type Confidence, type Fail } from './problems';

/**
 * An ISEE attestation (DPCM 159/2013; DOMAIN.md §10.1, §10.2): the variant, the value in cents,
 * the DSU protocol INPS gave it and its expiry. The value decides a family's band every month,
 * so it is read from text without floats and refused when it cannot be a real ISEE.
 */
export const ISEE_TYPES = ['ordinario', 'sociosanitario', 'corrente', 'minorenni'] as const;
export type IseeType = (typeof ISEE_TYPES)[number];

export interface IseeStatement {
  type: IseeType;
  valueCents: number;
  /** "INPS-ISEE-2026-XXXXXXXXX-XX" */
  dsuProtocol: string;
  issuedOn: IsoDate;
  expiresOn: IsoDate;
}

/** Above this an ISEE is a typing error, not a household (€10,000,000.00). */
export const MAX_ISEE_CENTS = 1_000_000_000;

/**
 * The DSU protocol, loosely: INPS-ISEE-<year>-<9+ letters/digits>-<2 letters/digits>. INPS has
 * changed the exact shape over the years [K], so only the frame and a length bound are checked.
 */
const DSU_PROTOCOL = /^INPS-ISEE-\d{4}-[A-Z0-9]{5,15}-[A-Z0-9]{2}$/;

export function normalizeDsuProtocol(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, '');
}

export function isDsuProtocol(text: string): boolean {
  return text.length <= 40 && DSU_PROTOCOL.test(normalizeDsuProtocol(text));
}

export const iseeStatementSchema = z
  .object({
    type: z.enum(ISEE_TYPES),
    valueCents: z.number().int().min(0).max(MAX_ISEE_CENTS),
    dsuProtocol: z
      .string()
      .max(40)
      .refine(isDsuProtocol, { message: 'expected INPS-ISEE-YYYY-XXXXXXXXX-XX' }),
    issuedOn: isoDateSchema,
    expiresOn: isoDateSchema,
  })
  .strict()
  .refine((s) => compareIsoDates(s.issuedOn, s.expiresOn) <= 0, {
    message: 'expiresOn before issuedOn',
    path: ['expiresOn'],
  });

export type IseeAmountResult = { ok: true; cents: number } | Fail;

/**
 * "6.000,01", "6000,01", "6000.01", "6000" → cents (parseEuro's reading, never a float).
 * Refused with `isee_value_invalid` and a `reason`: negative, more than two decimals, above
 * €10,000,000, or not an amount.
 */
export function parseIseeAmount(text: string): IseeAmountResult {
  const value = text.trim();
  const parsed = parseEuro(value, 'it');
  if (!parsed.ok) {
    const { reason } = parsed.error;
    const mapped =
      reason === 'empty' || reason === 'negative' || reason === 'too_many_decimals' || reason === 'too_large'
        ? reason
        : 'not_a_number';
    return iseeFail('isee_value_invalid', { value, reason: mapped });
  }
  if (parsed.value > MAX_ISEE_CENTS) return iseeFail('isee_value_invalid', { value, reason: 'too_large' });
  return { ok: true, cents: parsed.value };
}

/** A value already in cents (from the wire or a form). */
export function checkIseeCents(valueCents: number): IseeAmountResult {
  if (!Number.isSafeInteger(valueCents)) {
    return iseeFail('isee_value_invalid', { value: String(valueCents), reason: 'not_a_number' });
  }
  if (valueCents < 0)
    return iseeFail('isee_value_invalid', { value: String(valueCents), reason: 'negative' });
  if (valueCents > MAX_ISEE_CENTS) {
    return iseeFail('isee_value_invalid', { value: String(valueCents), reason: 'too_large' });
  }
  return { ok: true, cents: valueCents };
}

/**
 * The expiry rule, dated: since 2020 (DL 34/2019) an attestation is valid to 31 December of the
 * year the DSU was filed [K/U: DOMAIN.md §10.1 "current rule"]. Before that it lasted to
 * 15 January of the next year; older statements are not recorded here, so one row.
 */
export interface IseeExpiryRule {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  rule: 'end_of_filing_year';
  confidence: Confidence;
  note: string;
}

export const ISEE_EXPIRY_RULES: readonly IseeExpiryRule[] = [
  {
    validFrom: '2020-01-01',
    validTo: null,
    rule: 'end_of_filing_year',
    confidence: 'K',
    note: 'DOMAIN.md §10.1: valid to 31 December of the year it was filed [K/U]',
  },
];

export function defaultIseeExpiry(issuedOn: IsoDate): IsoDate {
  return isoDate(yearOf(issuedOn), 12, 31);
}

/** Checks a statement typed at the counter: type, value, protocol, dates (first problem). */
export function checkIseeStatement(input: {
  type: string;
  valueCents: number;
  dsuProtocol: string;
  issuedOn: IsoDate;
  expiresOn?: IsoDate | null;
}): { ok: true; statement: IseeStatement } | Fail {
  if (!(ISEE_TYPES as readonly string[]).includes(input.type)) {
    return iseeFail('isee_type_unknown', { type: input.type });
  }
  const value = checkIseeCents(input.valueCents);
  if (!value.ok) return value;
  if (!isDsuProtocol(input.dsuProtocol)) {
    return iseeFail('isee_protocol_invalid', { protocol: input.dsuProtocol.slice(0, 60) });
  }
  const expiresOn = input.expiresOn ?? defaultIseeExpiry(input.issuedOn);
  if (compareIsoDates(input.issuedOn, expiresOn) > 0) {
    return iseeFail('isee_dates_invalid', { issuedOn: input.issuedOn, expiresOn });
  }
  return {
    ok: true,
    statement: {
      type: input.type as IseeType,
      valueCents: value.cents,
      dsuProtocol: normalizeDsuProtocol(input.dsuProtocol),
      issuedOn: input.issuedOn,
      expiresOn,
    },
  };
}

export type IseeOnDay =
  | { kind: 'valid'; valueCents: number; type: IseeType }
  | { kind: 'none'; reason: 'missing' }
  | { kind: 'none'; reason: 'expired'; expiredOn: IsoDate; warning: { it: string; en: string } }
  | { kind: 'none'; reason: 'not_yet_issued'; issuedOn: IsoDate };

/**
 * The ISEE that counts on `day`. An expired one is NOT used: the family falls in the "no ISEE"
 * band, and the result carries the warning every screen and notice shows, so nobody pays the
 * top price without being told why (issue 15: "never silently").
 */
export function iseeOn(statement: IseeStatement | null, day: IsoDate): IseeOnDay {
  if (statement === null) return { kind: 'none', reason: 'missing' };
  if (compareIsoDates(day, statement.issuedOn) < 0) {
    return { kind: 'none', reason: 'not_yet_issued', issuedOn: statement.issuedOn };
  }
  if (compareIsoDates(day, statement.expiresOn) > 0) {
    return {
      kind: 'none',
      reason: 'expired',
      expiredOn: statement.expiresOn,
      warning: {
        it: `Attestazione ISEE scaduta il ${formatIsoDate(statement.expiresOn, 'it')}: si applica la tariffa senza ISEE finché non viene presentata una nuova attestazione.`,
        en: `ISEE statement expired on ${formatIsoDate(statement.expiresOn, 'en')}: the no-ISEE tariff applies until a new statement is filed.`,
      },
    };
  }
  return { kind: 'valid', valueCents: statement.valueCents, type: statement.type };
}
