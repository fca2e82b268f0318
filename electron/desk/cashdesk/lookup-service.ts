import type { Kysely } from 'kysely';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { DebtLookup, DebtView } from '../../../shared/contract/cashdesk-views';
import type { CallInput } from '../../../shared/contract/contract';
import type { Locale } from '../../../shared/i18n/locale';
import {
  debtNotFoundMessage,
  invalidDebtQueryMessage,
  planDebtLookup,
  unknownNoticeMessage,
} from '../../../shared/fines/debt-query';
import { auditListing } from '../audit/audit-log';
import { requireSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import type { DeskPaymentRow, DeskVerbaleRow } from '../db/tables/cashdesk.table';
import { positionView, verbaleView } from './debt-views';

/** The clerk's text is read by shared/fines/debt-query.ts; this file runs the matching query. */
const MAX_RESULTS = 50;
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

/** A fine lookup is a read of someone's debts: audited with the notices listed, not the text typed. */
export async function lookupDebts(ctx: DeskContext, input: CallInput<'fines:lookup'>): Promise<DebtLookup> {
  const out = await findDebts(ctx, input);
  if (out.kind === 'results') {
    await auditListing(
      ctx,
      'fines.lookup',
      'debt',
      out.debts.map((d) => `${d.kind}:${d.noticeNumber.replace(/\s/g, '')}`),
      `ricerca per ${out.interpretedAs}: ${out.debts.length} risultati`,
    );
  }
  return out;
}

async function findDebts(ctx: DeskContext, input: CallInput<'fines:lookup'>): Promise<DebtLookup> {
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
      return { kind: 'invalid', message: invalidDebtQueryMessage(plan, locale) };
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
        return { kind: 'not_found', message: unknownNoticeMessage(plan.notice, locale) };
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
  locale: Locale,
): DebtLookup {
  if (debts.length === 0) return { kind: 'not_found', message: debtNotFoundMessage(query, locale) };
  return { kind: 'results', interpretedAs, debts };
}
