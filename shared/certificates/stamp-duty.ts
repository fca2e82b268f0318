import type { IsoDate } from '../calendar/iso-date';
import { cents, type Cents } from '../money/cents';
import { periodProblems, rowOn, type DatedLookup } from '../calendar/dated-rows';

/**
 * Stamp duty (imposta di bollo) on anagrafe certificates: due FROM ISSUE (art. 4 of the Tariffa,
 * part I, annexed to DPR 642/1972), unless an exemption applies (exemption-grounds.ts).
 * DOMAIN.md §1.3: €16.00 per certificate [V]; since mid-2013, DL 43/2013 [K]. We read the date as
 * 26 June 2013, when DL 43/2013 art. 7-bis c.3 (conv. L. 71/2013) raised the fixed duties
 * (€14.62 → €16.00). Earlier rows are left out: this application issues no certificate dated
 * before then, and the €14.62 start date is not in DOMAIN.md. Keep the amount in this table.
 */
export interface BolloRate {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  amountCents: Cents;
  law: string;
  status: 'V' | 'K' | 'U';
}

export const BOLLO_RATES: readonly BolloRate[] = [
  {
    validFrom: '2013-06-26',
    validTo: null,
    amountCents: cents(1600),
    law: 'art. 4 Tariffa parte I, d.P.R. 642/1972; DL 43/2013 art. 7-bis c.3 (conv. L. 71/2013)',
    status: 'K',
  },
];

export function bolloRateOn(
  date: IsoDate,
  table: readonly BolloRate[] = BOLLO_RATES,
): DatedLookup<BolloRate> {
  return rowOn(table, () => true, date);
}

export function checkBolloTable(table: readonly BolloRate[]): string[] {
  const problems = periodProblems(table, () => 'bollo');
  for (const r of table) {
    if (!Number.isSafeInteger(r.amountCents) || r.amountCents <= 0) {
      problems.push(`bollo from ${r.validFrom}: amount must be positive whole cents`);
    }
  }
  return problems;
}

/**
 * The identifier printed on a marca da bollo (contrassegno telematico): 14 digits (DOMAIN.md §1.3).
 * The citizen types it for an online certificate; the clerk records it at the counter. One marca
 * covers one certificate only; checking that an identifier was not used before needs the store of
 * issued certificates (kept 3 years, art. 37 DPR 642/1972) and happens outside this pure module.
 * No check digit is known to us, so validation is the shape only.
 */
declare const MARCA_ID_BRAND: unique symbol;

export type MarcaId = string & { readonly [MARCA_ID_BRAND]: true };

export const MARCA_ID_LENGTH = 14;

export type MarcaIdParse =
  { ok: true; value: MarcaId } | { ok: false; reason: 'marca_missing' | 'invalid_marca_id' };

/** Reads an identifier as typed or scanned: spaces are dropped ("0123 4567 8901 23"), nothing else is. */
export function parseMarcaId(raw: string | null | undefined): MarcaIdParse {
  const text = (raw ?? '').replace(/[\s\u00a0]/g, '');
  if (text === '') return { ok: false, reason: 'marca_missing' };
  if (!/^\d{14}$/.test(text)) return { ok: false, reason: 'invalid_marca_id' };
  return { ok: true, value: text as MarcaId };
}

export function isMarcaId(value: unknown): value is MarcaId {
  return typeof value === 'string' && /^\d{14}$/.test(value);
}
