import type { Kysely } from 'kysely';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import { addDays } from '../../../shared/calendar/iso-date';
import type { CallInput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { PERMIT_KIND_LABELS, type PermitKind } from '../../../shared/permits/permit-kinds';
import { SOCIAL_OFFICE } from '../../../shared/social/social-access';
import {
  payableCents,
  PERMIT_RENEWAL_WINDOW_DAYS,
  permitExpiringSoon,
  sortOpenItems,
  type OpenItemView,
  type OpenItemsView,
} from '../../../shared/visits/open-items';
import { auditListing } from '../audit/audit-log';
import { positionView, verbaleView } from '../cashdesk/debt-views';
import { requireSession, type DeskContext } from '../context';
import type { Database } from '../db/database';
import type { DeskPaymentRow } from '../db/tables/cashdesk.table';

/** Permits still in force: a revocation only proposed has not ended it yet. */
const IN_FORCE = ['active', 'revocation_proposed'];

async function paymentsOf(db: Kysely<Database>, kind: 'fine' | 'notice', keys: string[]) {
  const byKey = new Map<string, DeskPaymentRow[]>();
  if (keys.length === 0) return byKey;
  const rows = await db
    .selectFrom('payments')
    .selectAll()
    .where('debt_kind', '=', kind)
    .where('debt_key', 'in', keys)
    .execute();
  for (const r of rows) byKey.set(r.debt_key, [...(byKey.get(r.debt_key) ?? []), r]);
  return byKey;
}

/**
 * Everything the resident's household still has open, from this counter's mirror (works
 * offline): unpaid notices of each member (canteen arrears apart), unpaid fines on the plates of
 * the household's permits, permits expiring within 30 days, open cases. One read of several
 * people's debts: audited like a fine lookup, with the ids listed.
 */
export async function openItems(
  ctx: DeskContext,
  input: CallInput<'visits:openItems'>,
): Promise<OpenItemsView> {
  const session = requireSession(ctx);
  const locale = ctx.state.locale;
  const comune = session.info.comune.belfiore;
  const today = romeDateOf(ctx.now());
  const resident = await ctx.db
    .selectFrom('residents')
    .select(['id', 'family_id'])
    .where('id', '=', input.residentId)
    .executeTakeFirst();
  if (!resident) throw new AppError('resident_not_found');
  const members = await ctx.db
    .selectFrom('residents')
    .select(['id', 'codice_fiscale', 'surname', 'given_names'])
    .where('family_id', '=', resident.family_id)
    .execute();
  const nameOf = (m: { surname: string; given_names: string }) => `${m.surname} ${m.given_names}`;
  const byCf = new Map(members.map((m) => [m.codice_fiscale, m]));
  const byId = new Map(members.map((m) => [m.id, m]));
  const items: OpenItemView[] = [];

  // notices (TARI, IMU, canteen, canone…) addressed to a member
  const positions = await ctx.db
    .selectFrom('debt_positions')
    .selectAll()
    .where('debtor_cf', 'in', [...byCf.keys()])
    .where('status', '=', 'open')
    .execute();
  const noticePayments = await paymentsOf(
    ctx.db,
    'notice',
    positions.map((p) => p.notice_number),
  );
  for (const p of positions) {
    const view = positionView(p, noticePayments.get(p.notice_number) ?? [], today, locale);
    const member = byCf.get(p.debtor_cf);
    items.push({
      kind: p.kind === 'MENSA' ? 'canteen' : 'notice',
      id: `notice:${p.notice_number}`,
      personId: member?.id ?? null,
      personName: member ? nameOf(member) : p.debtor_cf,
      title: view.title,
      amountCents: view.amountDueCents,
      notPayable: view.notPayable,
      date: p.due_date,
      debt: { kind: 'notice', key: p.notice_number },
      permitId: null,
      caseId: null,
    });
  }

  // permits of the household, and the fines on their plates
  const permits = await ctx.db
    .selectFrom('permits')
    .select(['id', 'number', 'kind', 'holder_id', 'holder_name', 'valid_to'])
    .where((eb) =>
      eb.or([eb('holder_id', 'in', [...byId.keys()]), eb('household_id', '=', resident.family_id)]),
    )
    .where('status', 'in', IN_FORCE)
    .execute();
  for (const p of permits) {
    if (!permitExpiringSoon(p.valid_to, today)) continue;
    items.push({
      kind: 'permit',
      id: `permit:${p.id}`,
      personId: p.holder_id,
      personName: p.holder_name,
      title: `${PERMIT_KIND_LABELS[p.kind as PermitKind]?.[locale] ?? p.kind} ${p.number}`,
      amountCents: null,
      notPayable: null,
      date: p.valid_to,
      debt: null,
      permitId: p.id,
      caseId: null,
    });
  }
  const plates =
    permits.length === 0
      ? []
      : await ctx.db
          .selectFrom('permit_plates')
          .innerJoin('permits', 'permits.id', 'permit_plates.permit_id')
          .select(['permit_plates.plate', 'permits.holder_id', 'permits.holder_name'])
          .where(
            'permit_plates.permit_id',
            'in',
            permits.map((p) => p.id),
          )
          .execute();
  const plateHolder = new Map(plates.map((p) => [p.plate, p]));
  const verbali =
    plateHolder.size === 0
      ? []
      : await ctx.db
          .selectFrom('verbali')
          .selectAll()
          .where('plate', 'in', [...plateHolder.keys()])
          .where('status', '=', 'open')
          .execute();
  const finePayments = await paymentsOf(
    ctx.db,
    'fine',
    verbali.map((v) => v.key),
  );
  for (const v of verbali) {
    const view = verbaleView(v, finePayments.get(v.key) ?? [], today, comune, locale);
    const holder = plateHolder.get(v.plate);
    items.push({
      kind: 'fine',
      id: `fine:${v.key}`,
      personId: holder?.holder_id ?? null,
      personName: holder?.holder_name ?? v.plate,
      title: `${view.title} · ${v.plate}`,
      amountCents: view.amountDueCents,
      notPayable: view.notPayable,
      date: view.due?.deadline ?? v.violation_date,
      debt: { kind: 'fine', key: v.key },
      permitId: null,
      caseId: null,
    });
  }

  // open cases about a member (by resident id or codice fiscale); the social office's cases
  // only for its own clerks (special-category data, DOMAIN.md §12.1)
  const socialClerk = session.info.clerk.offices?.includes(SOCIAL_OFFICE) ?? false;
  let cases = ctx.db
    .selectFrom('cases')
    .innerJoin('case_persons', 'case_persons.case_id', 'cases.id')
    .select(['cases.id', 'cases.subject', 'cases.protocol', 'cases.due_date', 'case_persons.person_key'])
    .where('case_persons.person_key', 'in', [...byId.keys(), ...byCf.keys()])
    .where('cases.is_open', '=', 1);
  if (!socialClerk) cases = cases.where('cases.office', '!=', SOCIAL_OFFICE);
  const seen = new Set<string>();
  for (const c of await cases.execute()) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const member = byId.get(c.person_key) ?? byCf.get(c.person_key);
    items.push({
      kind: 'case',
      id: `case:${c.id}`,
      personId: member?.id ?? null,
      personName: member ? nameOf(member) : '',
      title: c.protocol ? `${c.subject} (prot. ${c.protocol})` : c.subject,
      amountCents: null,
      notPayable: null,
      date: c.due_date,
      debt: null,
      permitId: null,
      caseId: c.id,
    });
  }

  const sorted = sortOpenItems(items);
  await auditListing(
    ctx,
    'visits.openItems',
    'resident',
    members.map((m) => m.id),
    `pendenze del nucleo: ${sorted.length} voci (permessi entro ${PERMIT_RENEWAL_WINDOW_DAYS} giorni, fino al ${addDays(today, PERMIT_RENEWAL_WINDOW_DAYS)})`,
  );
  return { today, items: sorted, payableCents: payableCents(sorted) };
}
