import type { Kysely } from 'kysely';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { DebtLookup, DebtView } from '../../../shared/contract/cashdesk-views';
import type { CallInput } from '../../../shared/contract/contract';
import { normalizePlate, verbaleKey } from '../../../shared/fines/verbali-csv';
import { parseTypedDate } from '../../../shared/registry/search-query';
import { readScannedNotice } from '../../../shared/pagopa/scanner-input';
import { requireSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import type { DeskPaymentRow, DeskVerbaleRow } from '../db/tables/cashdesk.table';
import { positionView, verbaleView } from './debt-views';

const MAX_RESULTS = 50;
const CF = /^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]$|^\d{11}$/;

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
} as const;

async function paymentsFor(db: Kysely<Database>, kind: 'fine' | 'notice', keys: string[]) {
  const byKey = new Map<string, DeskPaymentRow[]>();
  if (keys.length === 0) return byKey;
  const rows = await db
    .selectFrom('payments')
    .selectAll()
    .where('debt_kind', '=', kind)
    .where('debt_key', 'in', keys)
    .orderBy('paid_at')
    .execute();
  for (const r of rows) byKey.set(r.debt_key, [...(byKey.get(r.debt_key) ?? []), r]);
  return byKey;
}

type Plan =
  | { kind: 'notice'; notice: string }
  | { kind: 'verbale'; key: string; plate: string; date: string | null }
  | { kind: 'plate'; plate: string }
  | { kind: 'debtor'; cf: string }
  | { kind: 'invalid'; scanError?: Record<'it' | 'en', string> };

/**
 * One box for everything the citizen brings: a scanned notice (QR, Data Matrix, the 18 digits),
 * verbale number + plate (+ date), a plate, or the debtor's codice fiscale.
 */
export function planDebtLookup(raw: string): Plan {
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
  const tokens = text.split(/\s+/);
  let number: string | null = null;
  let plate: string | null = null;
  let date: string | null = null;
  for (const token of tokens) {
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

export async function lookupDebts(ctx: DeskContext, input: CallInput<'fines:lookup'>): Promise<DebtLookup> {
  const session = requireSession(ctx);
  const locale = ctx.state.locale;
  const comune = session.info.comune.belfiore;
  const today = romeDateOf(ctx.now());
  const plan = planDebtLookup(input.query);
  const fines = async (rows: DeskVerbaleRow[]): Promise<DebtView[]> => {
    const payments = await paymentsFor(
      ctx.db,
      'fine',
      rows.map((r) => r.key),
    );
    return rows.map((r) => verbaleView(r, payments.get(r.key) ?? [], today, comune, locale));
  };
  switch (plan.kind) {
    case 'invalid':
      return { kind: 'invalid', message: plan.scanError?.[locale] ?? TEXT.invalid[locale] };
    case 'notice': {
      const [v, p] = await Promise.all([
        ctx.db.selectFrom('verbali').selectAll().where('notice_number', '=', plan.notice).execute(),
        ctx.db.selectFrom('debt_positions').selectAll().where('notice_number', '=', plan.notice).execute(),
      ]);
      const notices = await paymentsFor(
        ctx.db,
        'notice',
        p.map((r) => r.notice_number),
      );
      const debts = [
        ...(await fines(v)),
        ...p.map((r) => positionView(r, notices.get(r.notice_number) ?? [], today, locale)),
      ];
      if (debts.length === 0)
        return { kind: 'not_found', message: TEXT.unknownNotice[locale].replace('{n}', plan.notice) };
      return { kind: 'results', interpretedAs: 'notice', debts };
    }
    case 'verbale': {
      let q = ctx.db
        .selectFrom('verbali')
        .selectAll()
        .where('number', '=', plan.key.split('/')[0] ?? plan.key)
        .where('plate', '=', plan.plate);
      if (plan.date) q = q.where('violation_date', '=', plan.date);
      const rows = (await q.limit(MAX_RESULTS).execute()).filter(
        (r) => r.key === plan.key || !plan.key.includes('/'),
      );
      return found(await fines(rows), 'verbale', input.query, locale);
    }
    case 'plate': {
      const rows = await ctx.db
        .selectFrom('verbali')
        .selectAll()
        .where('plate', '=', plan.plate)
        .orderBy('violation_date', 'desc')
        .limit(MAX_RESULTS)
        .execute();
      return found(await fines(rows), 'plate', input.query, locale);
    }
    case 'debtor': {
      const rows = await ctx.db
        .selectFrom('debt_positions')
        .selectAll()
        .where('debtor_cf', '=', plan.cf)
        .orderBy('due_date')
        .limit(MAX_RESULTS)
        .execute();
      const payments = await paymentsFor(
        ctx.db,
        'notice',
        rows.map((r) => r.notice_number),
      );
      return found(
        rows.map((r) => positionView(r, payments.get(r.notice_number) ?? [], today, locale)),
        'debtor',
        input.query,
        locale,
      );
    }
  }
}

function found(
  debts: DebtView[],
  interpretedAs: 'verbale' | 'plate' | 'debtor',
  query: string,
  locale: 'it' | 'en',
): DebtLookup {
  if (debts.length === 0)
    return { kind: 'not_found', message: TEXT.notFound[locale].replace('{q}', query.trim()) };
  return { kind: 'results', interpretedAs, debts };
}
