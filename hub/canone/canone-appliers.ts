import { submittedApplication } from '../../shared/canone/submitted-record';
import type { Transaction } from 'kysely';
import type {
  CanoneApplicant,
  CanoneProcedure,
  CanoneSite,
  CANONE_MUTATIONS,
} from '../../shared/canone/canone-wire';
import { categoryOn } from '../../shared/canone/categories';
import { canoneFee } from '../../shared/canone/fee';
import { spotConflict, DEFAULT_SPOT_CAPACITY_M2 } from '../../shared/canone/spot';
import { canoneSettingOn } from '../../shared/canone/tariffs';
import { zoneOfStreet } from '../../shared/canone/zones';
import { compareIsoDates } from '../../shared/calendar/iso-date';
import { canonicalStreet } from '../../shared/cases/residence-case';
import { checkCodiceFiscale } from '../../shared/codice-fiscale/codice-fiscale';
import { checkPartitaIva } from '../../shared/codice-fiscale/partita-iva';
import { AppError } from '../../shared/errors/app-error';
import { formatDate } from '../../shared/i18n/registry-labels';
import { openCaseFiledBy } from '../cases/case-appliers';
import { loadCase } from '../cases/case-repository';
import { currentResident, hubStreetList } from '../cases/residence-registry';
import type { HubDatabase } from '../db/database';
import type { ApplyContext, Applier } from '../sync/apply-context';
import { findApplication, insertApplication, saveApplication, streetOf } from './canone-repository';

type Trx = Transaction<HubDatabase>;

/** Statuses whose occupation takes room on its spot, as spot.ts counts them. */
const SPOT_STATUS: Record<string, string> = { submitted: 'pending', approved: 'approved' };

/**
 * The applicant as the hub accepts it: a registry person's name and codice fiscale from the
 * registry of record (never as a counter typed them); anyone else's codice fiscale checked; a
 * company's VAT number checked (partita-iva.ts), its name and seat as declared.
 */
async function checkedApplicant(ctx: ApplyContext, a: CanoneApplicant): Promise<CanoneApplicant> {
  if (a.kind === 'company') {
    const vat = checkPartitaIva(a.partitaIva);
    if (!vat.ok) throw new AppError(vat.error.code, vat.error.params);
    let cf = a.codiceFiscale;
    if (cf !== null && !/^\d{11}$/.test(cf)) {
      const check = checkCodiceFiscale(cf);
      if (!check.valid) throw new AppError('canone_codice_fiscale_invalid', { value: cf });
      cf = check.code;
    }
    return { ...a, partitaIva: vat.value, codiceFiscale: cf };
  }
  if (a.residentId !== null) {
    const row = await currentResident(ctx.trx, ctx.ws.comune, a.residentId);
    if (!row) throw new AppError('resident_not_found');
    return { ...a, codiceFiscale: row.codice_fiscale, name: `${row.surname} ${row.given_names}`.trim() };
  }
  const check = checkCodiceFiscale(a.codiceFiscale);
  if (!check.valid) throw new AppError('canone_codice_fiscale_invalid', { value: a.codiceFiscale });
  return { ...a, codiceFiscale: check.code };
}

/**
 * The site on the comune's street list as the registry knows it (the same list a change of
 * residence is checked against: hub/cases/residence-registry.ts), written as the registry writes
 * it, and the frazione the registry records for that street (zones.ts puts frazioni in zone 3).
 */
async function checkedSite(
  trx: Trx,
  comune: string,
  site: CanoneSite,
): Promise<{ site: CanoneSite; frazione: string }> {
  const street = canonicalStreet(await hubStreetList(trx, comune), site.streetType, site.streetName);
  if (!street) {
    throw new AppError('canone_street_unknown', { street: streetOf(site), comune });
  }
  const row = await trx
    .selectFrom('families')
    .select('frazione')
    .where('comune', '=', comune)
    .where('street_type', '=', street.streetType)
    .where('street_name', '=', street.streetName)
    .limit(1)
    .executeTakeFirst();
  return {
    site: { streetType: street.streetType, streetName: street.streetName, civic: site.civic.trim() },
    frazione: row?.frazione ?? '',
  };
}

/** Refuses an occupation that would take its spot (street + civic) beyond the spot's capacity. */
async function requireRoomOnSpot(
  trx: Trx,
  comune: string,
  req: { site: CanoneSite; start: string; end: string | null; measure: number },
): Promise<void> {
  const street = streetOf(req.site);
  // an application whose case was withdrawn (or closed undecided) no longer holds its room
  const rows = await trx
    .selectFrom('canone_applications as a')
    .leftJoin('cases as c', (j) => j.onRef('c.id', '=', 'a.case_id').onRef('c.comune', '=', 'a.comune'))
    .select(['a.id', 'a.status', 'a.civic', 'a.start_date', 'a.end_date', 'a.measure_hundredths'])
    .where('a.comune', '=', comune)
    .where('a.street', '=', street)
    .where('a.advertising', '=', 0)
    .where('a.status', 'in', Object.keys(SPOT_STATUS))
    .where((eb) =>
      eb.or([eb('a.status', '=', 'approved'), eb('c.status', 'not in', ['withdrawn', 'closed'])]),
    )
    .execute();
  const capacity = canoneSettingOn(comune, req.start)?.spotCapacityM2 ?? DEFAULT_SPOT_CAPACITY_M2;
  const conflicts = spotConflict(
    { street, civic: req.site.civic, start: req.start, end: req.end, measure: req.measure },
    rows.map((r) => ({
      id: r.id,
      street,
      civic: r.civic,
      start: r.start_date,
      end: r.end_date,
      measure: Number(r.measure_hundredths) / 100,
      status: SPOT_STATUS[r.status] ?? r.status,
    })),
    capacity,
  );
  const first = conflicts?.[0];
  if (first) {
    throw new AppError('canone_spot_full', {
      street,
      civic: req.site.civic,
      bookedM2: first.bookedM2,
      capacityM2: first.capacityM2,
      measure: req.measure,
      from: formatDate(first.from),
      to: first.to === null ? '—' : formatDate(first.to),
    });
  }
}

/**
 * `canone.apply`: the application checked and recomputed from the hub's own data, then the case
 * opened by the case engine's own applier in the same transaction (protocol number, legal term,
 * supervisors' queue). Any refusal is a typed AppError and the transaction leaves nothing behind.
 */
const applyForConcession: Applier<'canone.apply'> = async (ctx, args) => {
  const comune = ctx.ws.comune;
  if (await findApplication(ctx.trx, comune, args.applicationId)) {
    throw new AppError('invalid_input', { detail: `applicationId ${args.applicationId}` });
  }
  const category = categoryOn(comune, args.category, args.start);
  if (!category) throw new AppError('canone_category_unknown', { category: args.category });
  const procedure: CanoneProcedure = category.advertising
    ? 'esposizione_pubblicitaria'
    : 'occupazione_suolo_pubblico';
  if (args.case.procedureCode !== procedure) {
    throw new AppError('canone_procedure_mismatch', {
      procedure: args.case.procedureCode,
      category: category.label.it,
    });
  }
  if (args.ownSign && !category.advertising) {
    throw new AppError('canone_own_sign_not_advertising', { category: category.label.it });
  }
  const applicant = await checkedApplicant(ctx, args.applicant);
  const { site, frazione } = await checkedSite(ctx.trx, comune, args.site);
  const zone = zoneOfStreet(comune, streetOf(site), frazione, args.start);
  if (!zone) throw new AppError('canone_zone_unknown', { zone: streetOf(site) });
  // the fee from the hub's tables: the counter's quotedFeeCents is kept, never charged
  const fee = canoneFee({
    comune,
    category: args.category,
    regime: args.regime,
    zone: zone.zone,
    measure: args.measure,
    start: args.start,
    end: args.end,
    hours: args.hours,
    ownSign: args.ownSign,
  });
  if (!fee.ok) throw new AppError(fee.error.code, fee.error.params);
  // a sign hangs on a wall: only occupations of the ground take room on the spot
  if (!category.advertising) {
    await requireRoomOnSpot(ctx.trx, comune, {
      site,
      start: args.start,
      end: args.end,
      measure: args.measure,
    });
  }
  await openCaseFiledBy(ctx, args.case, {
    id: applicant.kind === 'person' ? applicant.residentId : null,
    name: applicant.name,
  });
  const opened = await loadCase(ctx.trx, comune, args.case.caseId);
  const record = submittedApplication(args, {
    comune,
    procedureCode: procedure,
    zone: zone.zone,
    fee: fee.value,
    applicant,
    site,
    protocol: opened?.state.protocol ?? null,
    submittedBy: ctx.clerk.username,
  });
  await insertApplication(ctx.trx, record, {
    workstationId: ctx.ws.id,
    advertising: category.advertising,
    at: ctx.at,
    mutationId: ctx.mutationId,
  });
};

/**
 * `canone.revoke` (supervisors, rules in service.ts): the concession ends on `endsOn`. The yearly
 * run issues nothing for it from then on; notices already issued stay due (a refund for the
 * unused part is the comune's regulation's [U], not modelled).
 */
const revokeConcession: Applier<'canone.revoke'> = async (ctx, args) => {
  const record = await findApplication(ctx.trx, ctx.ws.comune, args.applicationId);
  if (!record) throw new AppError('canone_application_unknown', { id: args.applicationId });
  if (record.status !== 'approved' || !record.concession) {
    throw new AppError('canone_not_revocable', { status: record.status });
  }
  const end = record.concession.validTo;
  if (
    compareIsoDates(args.endsOn, record.start) < 0 ||
    (end !== null && compareIsoDates(args.endsOn, end) > 0)
  ) {
    throw new AppError('canone_revoke_date_invalid', {
      endsOn: formatDate(args.endsOn),
      start: formatDate(record.start),
      end: end === null ? '—' : formatDate(end),
    });
  }
  await saveApplication(
    ctx.trx,
    {
      ...record,
      status: 'revoked',
      statusReason: args.reason,
      revokedAt: args.at,
      concession: { ...record.concession, validTo: args.endsOn },
    },
    ctx.at,
    ctx.mutationId,
  );
};

/** The hub's authoritative effects of the canone mutations, declared in service.ts. */
export const CANONE_APPLIERS: { [N in keyof typeof CANONE_MUTATIONS]: Applier<N> } = {
  'canone.apply': applyForConcession,
  'canone.revoke': revokeConcession,
};
