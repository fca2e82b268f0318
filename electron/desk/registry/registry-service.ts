import { describeCfProblem } from '../../../shared/codice-fiscale/cf-messages';
import { checkCodiceFiscale } from '../../../shared/codice-fiscale/codice-fiscale';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import type { ResidentSummary } from '../../../shared/contract/views';
import { requireAllowed } from '../../../shared/auth/policy';
import { AppError } from '../../../shared/errors/app-error';
import { describeInvalidDate, planSearch, type NamePlan } from '../../../shared/registry/search-query';
import { oneEditVariants, TYPO_MIN_LENGTH } from '../../../shared/registry/typo-variants';
import { appendAudit, auditListing } from '../audit/audit-log';
import { requireSession, workstationName, type DeskContext } from '../context';
import { runMutation } from '../sync/run-mutation';
import type { ResidentRow } from '../db/tables/residents.table';
import { formatAddressLine } from './registry-mapping';
import * as repo from './registry-repository';

export const DEFAULT_SEARCH_LIMIT = 50;

const toSummary = (h: repo.ResidentHit): ResidentSummary => ({
  id: h.id,
  codiceFiscale: h.codice_fiscale,
  surname: h.surname,
  givenNames: h.given_names,
  sex: h.sex,
  birthDate: h.birth_date,
  birthPlaceName: h.birth_place_name,
  status: h.status,
  addressLine: [formatAddressLine(h), h.frazione].filter((p) => p.length > 0).join(', '),
});

/**
 * Search as you type: one box, read by shared/registry/search-query.ts. A search that lists
 * people is a read and is audited (which records were listed, never the text typed).
 */
export async function searchResidents(
  ctx: DeskContext,
  input: CallInput<'registry:search'>,
): Promise<CallOutput<'registry:search'>> {
  const out = await findResidents(ctx, input);
  if (out.kind === 'results') {
    await auditListing(
      ctx,
      'registry.search',
      'resident',
      out.residents.map((r) => r.id),
      `ricerca per ${out.interpretedAs}: ${out.residents.length} risultati`,
    );
  }
  return out;
}

async function findResidents(
  ctx: DeskContext,
  input: CallInput<'registry:search'>,
): Promise<CallOutput<'registry:search'>> {
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
  const plan = planSearch(input.query);
  const locale = ctx.state.locale;
  switch (plan.kind) {
    case 'too_short':
      return { kind: 'too_short' };
    case 'invalid_date':
      return {
        kind: 'invalid_date',
        text: plan.text,
        explanation: describeInvalidDate(plan.text, locale),
      };
    case 'cf_invalid':
      return {
        kind: 'invalid_cf',
        code: plan.check.code,
        problems: plan.check.problems,
        explanations: plan.check.problems.map((p) => describeCfProblem(p, locale)),
      };
    case 'cf_full':
    case 'cf_prefix': {
      const prefix = plan.kind === 'cf_full' ? plan.code : plan.prefix;
      const rows = await repo.searchByCfPrefix(ctx.db, prefix, limit + 1);
      return results(rows, limit, 'codice_fiscale');
    }
    case 'identity_card': {
      const rows = await repo.searchByIdentityCard(ctx.db, plan.number, plan.whole, limit + 1);
      return results(rows, limit, 'identity_card');
    }
    case 'birth_date': {
      const rows = await repo.searchByBirthDate(ctx.db, plan.date, limit + 1);
      return results(rows, limit, 'birth_date');
    }
    case 'name':
      return searchNames(ctx, plan, limit);
    case 'address': {
      const rows = await repo.searchByAddress(ctx.db, plan.street, plan.houseNumber, limit + 1);
      // "Corso Mario" may be a person (Corso is a surname too) when no such street exists
      if (rows.length === 0 && plan.asName) return searchNames(ctx, plan.asName, limit);
      return results(rows, limit, 'address');
    }
  }
}

async function searchNames(
  ctx: DeskContext,
  plan: NamePlan,
  limit: number,
): Promise<CallOutput<'registry:search'>> {
  const seen = new Set<string>();
  const merged: repo.ResidentHit[] = [];
  const add = (rows: repo.ResidentHit[]): void => {
    for (const r of rows) {
      if (!seen.has(r.id)) {
        seen.add(r.id);
        merged.push(r);
      }
    }
  };
  for (const split of plan.splits) {
    if (merged.length > limit) break;
    add(await repo.searchByName(ctx.db, split.surname, split.givenNames, limit + 1 - merged.length));
  }
  if (plan.cfPrefix && merged.length <= limit) {
    add(await repo.searchByCfPrefix(ctx.db, plan.cfPrefix, limit + 1 - merged.length));
  }
  // "Ionuț Ștefănescu", as the citizen says it: only when surname first found nobody, so that
  // "Rossi Mario" never lists a Mario Rossi… below the Rossi Mario the clerk meant.
  if (merged.length === 0) {
    for (const split of plan.givenFirst) {
      if (merged.length > limit) break;
      add(await repo.searchByName(ctx.db, split.surname, split.givenNames, limit + 1 - merged.length));
    }
  }
  const bySurname = merged.length;
  // A lone given name ("Ionuț"): after the surnames it starts, those named exactly so, then the
  // given names it starts ("Ionuț Mădălina"), each by surname.
  if (plan.givenNameAlone && merged.length <= limit) {
    add(await repo.searchByGivenName(ctx.db, plan.givenNameAlone, true, limit + 1 - merged.length));
  }
  if (plan.givenNameAlone && merged.length <= limit) {
    add(await repo.searchByGivenName(ctx.db, plan.givenNameAlone, false, limit + 1 - merged.length));
  }
  if (merged.length > 0) return results(merged, limit, bySurname > 0 ? 'name' : 'given_name');
  // Nobody by the exact prefix: a surname of 5+ letters may hold one typo ("stefanseu"). Shorter
  // ones are left alone: one edit away from "Rossi" are Rosso, Russi, Rossa… all different people.
  // The variants that exist first (one seek each), then each surname on its own in alphabetical
  // order: every query reads its list already sorted from the index, where one query over all the
  // variants read every bearer of a common surname to sort them (milliseconds a keystroke at 1M).
  for (const split of plan.splits) {
    if (split.surname.length < TYPO_MIN_LENGTH || merged.length > limit) continue;
    for (const surname of await repo.existingSurnames(ctx.db, oneEditVariants(split.surname))) {
      if (merged.length > limit) break;
      add(await repo.searchBySurnames(ctx.db, [surname], split.givenNames, limit + 1 - merged.length));
    }
  }
  return results(merged, limit, merged.length > 0 ? 'similar_name' : 'name');
}

function results(
  rows: repo.ResidentHit[],
  limit: number,
  interpretedAs: Extract<CallOutput<'registry:search'>, { kind: 'results' }>['interpretedAs'],
): CallOutput<'registry:search'> {
  return {
    kind: 'results',
    residents: rows.slice(0, limit).map(toSummary),
    truncated: rows.length > limit,
    interpretedAs,
  };
}

export const DEFAULT_READ_PURPOSE = 'consultazione allo sportello';

/** Opens a record: the read and its purpose are audited in the same transaction (DOMAIN.md §12.1). */
export async function getResident(
  ctx: DeskContext,
  input: CallInput<'registry:get'>,
): Promise<CallOutput<'registry:get'>> {
  const session = requireSession(ctx);
  const workstation = workstationName(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const resident = await repo.findResident(trx, input.id);
    if (!resident) throw new AppError('resident_not_found');
    const family = await repo.findFamily(trx, resident.family_id);
    if (!family) throw new AppError('resident_not_found');
    const members = await repo.listFamilyMembers(trx, resident.family_id);
    const events = await repo.listEvents(trx, resident.id);
    await appendAudit(trx, {
      at: ctx.now().toISOString(),
      clerk: session.info.clerk.username,
      workstation,
      action: 'resident.read',
      entity: 'resident',
      entityId: resident.id,
      reason: input.purpose ?? DEFAULT_READ_PURPOSE,
    });
    return {
      id: resident.id,
      codiceFiscale: resident.codice_fiscale,
      omocodia: checkCodiceFiscale(resident.codice_fiscale).decoded?.omocodia ?? false,
      surname: resident.surname,
      givenNames: resident.given_names,
      sex: resident.sex,
      birthDate: resident.birth_date,
      birthPlaceCode: resident.birth_place_code,
      birthPlaceName: resident.birth_place_name,
      citizenship: resident.citizenship,
      civilStatus: resident.civil_status,
      status: resident.status,
      statusDate: resident.status_date,
      registeredOn: resident.registered_on,
      relationship: resident.relationship,
      phone: resident.phone,
      email: resident.email,
      notCertifiable: resident.not_certifiable === 1,
      address: {
        line: formatAddressLine(family),
        interior: family.interior,
        cap: family.cap,
        frazione: family.frazione,
        comune: session.info.comune.name,
      },
      family: members.filter((m) => m.status === 'resident' || m.id === resident.id).map(toMember),
      events: events.map((e) => ({ date: e.date, kind: e.kind, description: e.description })),
    };
  });
}

const toMember = (m: ResidentRow) => ({
  id: m.id,
  surname: m.surname,
  givenNames: m.given_names,
  codiceFiscale: m.codice_fiscale,
  birthDate: m.birth_date,
  relationship: m.relationship,
  status: m.status,
});

/** Contact details recorded at the counter: applied here at once, confirmed by the hub at sync. */
export async function updateContacts(
  ctx: DeskContext,
  input: CallInput<'registry:updateContacts'>,
): Promise<CallOutput<'registry:updateContacts'>> {
  const resident = await repo.findResident(ctx.db, input.residentId);
  if (!resident) throw new AppError('resident_not_found');
  if (resident.status !== 'resident') throw new AppError('resident_not_current', { status: resident.status });
  await runMutation(ctx, 'registry.updateContacts', input, {
    entity: 'resident',
    entityId: input.residentId,
    reason: 'aggiornamento recapiti',
  });
  return getResident(ctx, { id: input.residentId, purpose: 'aggiornamento recapiti' });
}

/** A supervisor marks a record not certifiable (or lifts the mark), with the reason (DOMAIN.md §1.2). */
export async function setCertifiable(
  ctx: DeskContext,
  input: CallInput<'registry:setCertifiable'>,
): Promise<CallOutput<'registry:setCertifiable'>> {
  requireAllowed(requireSession(ctx).info.clerk.role, 'registry.setCertifiable');
  const resident = await repo.findResident(ctx.db, input.residentId);
  if (!resident) throw new AppError('resident_not_found');
  await runMutation(ctx, 'registry.setCertifiable', input, {
    entity: 'resident',
    entityId: input.residentId,
    reason: `${input.notCertifiable ? 'scheda non certificabile' : 'scheda di nuovo certificabile'}: ${input.reason}`,
  });
  return getResident(ctx, { id: input.residentId, purpose: 'certificabilità della scheda' });
}
