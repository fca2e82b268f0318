import { isIsoDate } from '../calendar/iso-date';
import { parseEuro } from '../money/euro-format';
import type { Confidence, IseeRuleCode, ProblemParams } from './problems';
import { checkTariffTable, type Band, type Price, type SiblingRule, type TariffTable } from './tariff-engine';

/**
 * A tariff table as the office loads it: one row per line, fields separated by ";" (amounts
 * have Italian decimal commas), "#" starts a comment. Refused as a whole when any line is wrong,
 * each problem naming its line (issue 15: "refused when loaded, with the line").
 *
 *   id;B885-mensa-2026-27          comune;B885           service;mensa
 *   period;2026/27 (or 2026)       valid_from;2026-09-01 valid_to;2027-08-31 (empty: in force)
 *   unit;meal|month|hour           per_operator;si|no    confidence;V|K|U
 *   source;…                       note;…
 *   band;<from €>;<to €, empty: no limit>;<price>[;label]
 *   no_isee;<price>                non_resident;<price>
 *   sibling;<rank>;<price>  or  sibling;<rank>;sconto;<pct>
 *   sibling_band;<rank>;<from €>;<to €>;<price>
 * where <price> is "fisso;2,00" | "esente" | "lineare;2,00;5,00" (English words accepted too).
 */
export interface CsvProblem {
  line: number;
  code: IseeRuleCode;
  params: ProblemParams;
}

export type TariffCsvResult = { ok: true; table: TariffTable } | { ok: false; problems: CsvProblem[] };

type Read<T> = { ok: true; value: T; used: number } | { ok: false; reason: string };

function amount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const parsed = parseEuro(text, 'it');
  return parsed.ok ? parsed.value : null;
}

function readPrice(fields: readonly string[]): Read<Price> {
  const kind = (fields[0] ?? '').trim().toLowerCase();
  if (kind === 'esente' || kind === 'exempt') return { ok: true, value: { kind: 'exempt' }, used: 1 };
  if (kind === 'fisso' || kind === 'fixed') {
    const c = amount(fields[1]);
    return c === null
      ? { ok: false, reason: 'bad_amount' }
      : { ok: true, value: { kind: 'fixed', cents: c }, used: 2 };
  }
  if (kind === 'lineare' || kind === 'linear') {
    const from = amount(fields[1]);
    const to = amount(fields[2]);
    if (from === null || to === null) return { ok: false, reason: 'bad_amount' };
    return { ok: true, value: { kind: 'linear', fromCents: from, toCents: to }, used: 3 };
  }
  return { ok: false, reason: 'bad_price' };
}

function readBounds(fromText: string | undefined, toText: string | undefined): Read<[number, number | null]> {
  const from = amount(fromText);
  const to = (toText ?? '').trim() === '' ? null : amount(toText);
  if (from === null || (to === null && (toText ?? '').trim() !== ''))
    return { ok: false, reason: 'bad_amount' };
  return { ok: true, value: [from, to], used: 2 };
}

const HEADER_KEYS = [
  'id',
  'comune',
  'service',
  'period',
  'valid_from',
  'valid_to',
  'unit',
  'per_operator',
  'confidence',
  'source',
  'note',
] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];

/** The reason of a refused line in the office's words (the message's {detailIt}/{detailEn}). */
const CSV_REASON_WORDS: Record<string, { it: string; en: string }> = {
  unknown_row: { it: 'tipo di riga sconosciuto', en: 'unknown row type' },
  missing_field: { it: 'dato obbligatorio mancante', en: 'required value missing' },
  bad_amount: {
    it: 'importo non valido (euro non negativi, al massimo due decimali)',
    en: 'invalid amount (non-negative euros, at most two decimals)',
  },
  bad_date: { it: 'data non valida (AAAA-MM-GG)', en: 'invalid date (YYYY-MM-DD)' },
  bad_period: { it: 'periodo non valido (2026/27 o 2026)', en: 'invalid period (2026/27 or 2026)' },
  bad_unit: { it: 'unità non valida (meal, month, hour)', en: 'invalid unit (meal, month, hour)' },
  bad_price: {
    it: 'prezzo non valido (fisso, esente, lineare)',
    en: 'invalid price (fisso, esente, lineare)',
  },
  bad_confidence: { it: 'affidabilità non valida (V, K, U)', en: 'invalid confidence (V, K, U)' },
  bad_rank: { it: 'posizione del figlio non valida (da 2 in su)', en: 'invalid sibling rank (2 or more)' },
  bad_value: { it: 'valore non valido (sì o no)', en: 'invalid value (yes or no)' },
  duplicate: { it: 'riga ripetuta', en: 'repeated row' },
  no_bands: { it: 'nessuna fascia ISEE', en: 'no ISEE band' },
};

export function parseTariffCsv(text: string): TariffCsvResult {
  const problems: CsvProblem[] = [];
  const bad = (line: number, reason: string, field?: string) => {
    const words = CSV_REASON_WORDS[reason] ?? { it: reason, en: reason };
    const suffix = field ? ` («${field}»)` : '';
    problems.push({
      line,
      code: 'tariff_csv_invalid',
      params: { line, reason, detailIt: words.it + suffix, detailEn: words.en + suffix },
    });
  };
  const header = new Map<HeaderKey, { value: string; line: number }>();
  const bands: { band: Band; line: number }[] = [];
  const siblings = new Map<number, { rule: SiblingRule; line: number; bandLines: number[] }>();
  let noIsee: Price | undefined;
  let nonResident: Price | undefined;

  const rows = text.split(/\r?\n/);
  rows.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const [rawKind, ...rest] = trimmed.split(';');
    const kind = (rawKind ?? '').trim().toLowerCase();
    const fields = rest.map((f) => f.trim());
    if ((HEADER_KEYS as readonly string[]).includes(kind)) {
      const key = kind as HeaderKey;
      if (header.has(key)) return bad(line, 'duplicate', key);
      header.set(key, { value: trimmed.slice(trimmed.indexOf(';') + 1).trim(), line });
      return;
    }
    if (kind === 'band') {
      const bounds = readBounds(fields[0], fields[1]);
      if (!bounds.ok) return bad(line, bounds.reason);
      const price = readPrice(fields.slice(2));
      if (!price.ok) return bad(line, price.reason);
      const label = fields[2 + price.used];
      const band: Band = { fromCents: bounds.value[0], toCents: bounds.value[1], price: price.value };
      if (label) band.label = label;
      bands.push({ band, line });
      return;
    }
    if (kind === 'no_isee' || kind === 'non_resident') {
      const price = readPrice(fields);
      if (!price.ok) return bad(line, price.reason);
      if ((kind === 'no_isee' ? noIsee : nonResident) !== undefined) return bad(line, 'duplicate', kind);
      if (kind === 'no_isee') noIsee = price.value;
      else nonResident = price.value;
      return;
    }
    if (kind === 'sibling' || kind === 'sibling_band') {
      const rank = Number(fields[0]);
      if (!Number.isSafeInteger(rank) || rank < 2) return bad(line, 'bad_rank');
      const entry = siblings.get(rank) ?? { rule: { rank }, line, bandLines: [] };
      siblings.set(rank, entry);
      if (kind === 'sibling_band') {
        const bounds = readBounds(fields[1], fields[2]);
        if (!bounds.ok) return bad(line, bounds.reason);
        const price = readPrice(fields.slice(3));
        if (!price.ok) return bad(line, price.reason);
        (entry.rule.byBand ??= []).push({
          fromCents: bounds.value[0],
          toCents: bounds.value[1],
          price: price.value,
        });
        entry.bandLines.push(line);
        return;
      }
      const word = (fields[1] ?? '').toLowerCase();
      if (word === 'sconto' || word === 'discount') {
        const pct = Number((fields[2] ?? '').replace(',', '.'));
        if (!(pct >= 0 && pct <= 100)) return bad(line, 'bad_amount');
        entry.rule.discountPct = pct;
        return;
      }
      const price = readPrice(fields.slice(1));
      if (!price.ok) return bad(line, price.reason);
      entry.rule.price = price.value;
      return;
    }
    bad(line, 'unknown_row', kind);
  });

  const lastLine = rows.length;
  const need = (key: HeaderKey): string => {
    const found = header.get(key);
    if (!found || found.value === '') {
      bad(found?.line ?? lastLine, 'missing_field', key);
      return '';
    }
    return found.value;
  };
  const lineOf = (key: HeaderKey) => header.get(key)?.line ?? lastLine;
  const id = need('id');
  const comune = need('comune');
  const service = need('service');
  const periodText = need('period');
  const validFrom = need('valid_from');
  const validToText = header.get('valid_to')?.value ?? '';
  const unitText = need('unit');
  const confidenceText = need('confidence') || 'U';
  let period: TariffTable['period'] = { kind: 'calendar_year', year: 0 };
  const schoolYear = /^(\d{4})\/(\d{2})$/.exec(periodText);
  if (schoolYear && (Number(schoolYear[1]) + 1) % 100 === Number(schoolYear[2])) {
    period = { kind: 'school_year', label: periodText as `${number}/${number}` };
  } else if (/^\d{4}$/.test(periodText)) {
    period = { kind: 'calendar_year', year: Number(periodText) };
  } else if (periodText !== '') bad(lineOf('period'), 'bad_period', periodText);
  if (validFrom !== '' && !isIsoDate(validFrom)) bad(lineOf('valid_from'), 'bad_date', validFrom);
  if (validToText !== '' && !isIsoDate(validToText)) bad(lineOf('valid_to'), 'bad_date', validToText);
  if (unitText !== '' && !['meal', 'month', 'hour'].includes(unitText))
    bad(lineOf('unit'), 'bad_unit', unitText);
  if (!['V', 'K', 'U'].includes(confidenceText)) bad(lineOf('confidence'), 'bad_confidence', confidenceText);
  const perOperatorText = (header.get('per_operator')?.value ?? 'no').toLowerCase();
  if (!['si', 'sì', 'yes', 'no'].includes(perOperatorText))
    bad(lineOf('per_operator'), 'bad_value', 'per_operator');
  if (bands.length === 0) bad(lastLine, 'no_bands');
  if (noIsee === undefined) bad(lastLine, 'missing_field', 'no_isee');
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const table: TariffTable = {
    id,
    comune,
    service,
    period,
    validFrom,
    validTo: validToText === '' ? null : validToText,
    unit: unitText as TariffTable['unit'],
    bands: bands.map((b) => b.band),
    noIsee: noIsee ?? { kind: 'exempt' },
    perOperator: perOperatorText !== 'no',
    confidence: confidenceText as Confidence,
    source: header.get('source')?.value ?? '',
    note: header.get('note')?.value || null,
  };
  if (nonResident) table.nonResident = nonResident;
  const ranks = [...siblings.values()].sort((a, b) => a.rule.rank - b.rule.rank);
  if (ranks.length > 0) table.siblings = ranks.map((s) => s.rule);

  // The engine's own check, each problem taken back to the line of its band.
  const tableProblems = checkTariffTable(table);
  for (const p of tableProblems) {
    let line = lastLine;
    if (p.where === 'bands' && p.bandIndex !== null) line = bands[p.bandIndex]?.line ?? lastLine;
    const sib = /^siblings\[(\d+)\]$/.exec(p.where);
    if (sib) {
      const entry = ranks[Number(sib[1])];
      line = (p.bandIndex !== null ? entry?.bandLines[p.bandIndex] : entry?.line) ?? entry?.line ?? lastLine;
    }
    problems.push({ line, code: p.code, params: { ...p.params, line } });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, table };
}
