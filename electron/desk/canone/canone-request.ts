import type { Kysely, Transaction } from 'kysely';
import { isIsoDate, type IsoDate } from '../../../shared/calendar/iso-date';
import type { CanoneApplicantInput, CanoneRequestInput } from '../../../shared/canone/canone-calls';
import type { CanoneRefusalView, CanoneStreetOption } from '../../../shared/canone/canone-views';
import type { CanoneApplicant, CanoneApplicationRecord } from '../../../shared/canone/canone-wire';
import { canoneFee, type CanoneFee } from '../../../shared/canone/fee';
import { noticeInstalments, type Instalment } from '../../../shared/canone/instalments';
import { spotConflict, type SpotOccupation } from '../../../shared/canone/spot';
import {
  canoneSettingOn,
  categoryOn,
  type CanoneCategoryRow,
  type CanoneComuneSetting,
} from '../../../shared/canone/tariffs';
import { streetKey, zoneOfStreet, zoneRowOn } from '../../../shared/canone/zones';
import { checkCodiceFiscale } from '../../../shared/codice-fiscale/codice-fiscale';
import { checkPartitaIva } from '../../../shared/codice-fiscale/partita-iva';
import { localizeError, type ErrorParams } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/error-messages';
import type { Locale } from '../../../shared/i18n/locale';
import { formatDate } from '../../../shared/i18n/registry-labels';
import type { Database } from '../db/database';
import { findResident } from '../registry/registry-repository';
import { applicationsAtStreet, siteStreet } from './canone-repository';

type Db = Kysely<Database> | Transaction<Database>;

/** One reason the application cannot go on, as the typed error it becomes. */
export interface CanoneRefusal {
  code: ErrorCode;
  params: ErrorParams;
}

/** A street of the comune with its tariff zone and frazione (the zone of a frazione differs). */
export interface KnownStreet extends CanoneStreetOption {
  name: string;
  frazione: string | null;
}

/**
 * The comune's streets as the counter knows them: the registry's addresses (the same list as
 * `cases:streets`), each with its tariff zone on `day` (zones.ts).
 */
export async function knownStreets(
  db: Db,
  comune: string,
  day: IsoDate,
  locale: Locale,
): Promise<KnownStreet[]> {
  const rows = await db
    .selectFrom('families')
    .select(['street_type', 'street_name', 'frazione'])
    .distinct()
    .execute();
  const byKey = new Map<string, KnownStreet>();
  for (const r of rows) {
    const name = `${r.street_type} ${r.street_name}`.trim();
    const key = streetKey(name);
    const frazione = r.frazione.trim() === '' ? null : r.frazione;
    const known = byKey.get(key);
    // a street partly in town and partly in a frazione takes the town's (lower) zone number
    if (known && (known.frazione === null || frazione !== null)) continue;
    const zone = zoneOfStreet(comune, name, frazione, day);
    if (!zone) continue;
    const row = zoneRowOn(comune, zone.zone, day);
    byKey.set(key, {
      name,
      streetType: r.street_type,
      streetName: r.street_name,
      frazione,
      zone: zone.zone,
      zoneLabel: row?.label[locale] ?? zone.zone,
      zoneCoefficient: zone.coefficient,
    });
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

/** Dates as dd/mm/yyyy in the messages, like permits'. */
function shown(params: Record<string, string | number>): ErrorParams {
  const out: ErrorParams = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === 'string' && isIsoDate(v) ? formatDate(v) : v;
  return out;
}

export const refusal = (code: string, params: Record<string, string | number> = {}): CanoneRefusal => ({
  code: code as ErrorCode,
  params: shown(params),
});

export const refusalViews = (list: readonly CanoneRefusal[], locale: Locale): CanoneRefusalView[] =>
  list.map((r) => ({ code: r.code, message: localizeError(r.code, r.params, locale) }));

/** The applicant as the wire carries it, from a registry id, a codice fiscale or a VAT number. */
async function resolveApplicant(
  db: Db,
  input: CanoneApplicantInput,
  defaultSeat: string,
): Promise<{ applicant: CanoneApplicant | null; refusals: CanoneRefusal[] }> {
  if (input.kind === 'resident') {
    const row = await findResident(db as Kysely<Database>, input.residentId);
    if (!row) return { applicant: null, refusals: [refusal('resident_not_found')] };
    return {
      applicant: {
        kind: 'person',
        residentId: row.id,
        codiceFiscale: row.codice_fiscale,
        name: `${row.surname} ${row.given_names}`,
      },
      refusals: [],
    };
  }
  const refusals: CanoneRefusal[] = [];
  if (input.name.trim() === '') refusals.push(refusal('invalid_input', { detail: 'nome del richiedente' }));
  if (input.kind === 'person') {
    const cf = checkCodiceFiscale(input.codiceFiscale);
    if (!cf.valid) refusals.push(refusal('canone_codice_fiscale_invalid', { value: input.codiceFiscale }));
    return {
      applicant:
        refusals.length > 0
          ? null
          : { kind: 'person', residentId: null, codiceFiscale: cf.code, name: input.name.trim() },
      refusals,
    };
  }
  const vat = checkPartitaIva(input.partitaIva);
  if (!vat.ok) refusals.push(refusal(vat.error.code, vat.error.params));
  const cfText = input.codiceFiscale?.trim() ?? '';
  if (cfText !== '' && cfText !== input.partitaIva.trim() && !checkCodiceFiscale(cfText).valid) {
    refusals.push(refusal('canone_codice_fiscale_invalid', { value: cfText }));
  }
  const pec = input.pec?.trim() ?? '';
  if (pec !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(pec)) {
    refusals.push(refusal('invalid_input', { detail: `PEC: ${pec}` }));
  }
  if (refusals.length > 0 || !vat.ok) return { applicant: null, refusals };
  return {
    applicant: {
      kind: 'company',
      partitaIva: vat.value,
      name: input.name.trim(),
      codiceFiscale: cfText === '' || cfText === vat.value ? null : cfText.toUpperCase(),
      seat: input.seat?.trim() || defaultSeat,
      pec: pec === '' ? null : pec,
    },
    refusals,
  };
}

/** Everything the form shows and the filing needs, from the mirror and the shared rules. */
export interface CanoneDraft {
  comune: string;
  street: KnownStreet | null;
  category: CanoneCategoryRow | null;
  setting: CanoneComuneSetting | null;
  fee: CanoneFee | null;
  applicant: CanoneApplicant | null;
  instalments: Instalment[];
  refusals: CanoneRefusal[];
}

export const spotStatus = (r: Pick<CanoneApplicationRecord, 'status'>): string =>
  r.status === 'submitted' ? 'pending' : r.status;

/**
 * The rules on what the clerk typed: the street on the comune's list and its zone, the category,
 * the fee (fee.ts: tariff × zone × category × measure × days), the applicant's codes, the own-sign
 * exemption only for signs, and the spot's capacity against the applications this counter knows.
 * Every problem is listed (the form shows them all); nothing is stored.
 */
export async function buildDraft(
  db: Db,
  input: CanoneRequestInput,
  ctx: { comune: string; comuneName: string; today: IsoDate; locale: Locale },
): Promise<CanoneDraft> {
  const { comune, today, locale } = ctx;
  const refusals: CanoneRefusal[] = [];
  const streets = await knownStreets(db, comune, input.start, locale);
  const street = streets.find((s) => streetKey(s.name) === streetKey(input.street)) ?? null;
  if (street === null)
    refusals.push(refusal('canone_street_unknown', { street: input.street || '—', comune }));
  if (input.civic.trim() === '') refusals.push(refusal('invalid_input', { detail: 'numero civico' }));

  const category = categoryOn(comune, input.category, input.start);
  const setting = canoneSettingOn(comune, input.start);
  if (category && input.ownSign && !category.advertising) {
    refusals.push(refusal('canone_own_sign_not_advertising', { category: category.label[locale] }));
  }

  let fee: CanoneFee | null = null;
  const computed = canoneFee({
    comune,
    category: input.category,
    regime: input.regime,
    // an unknown street still gets a quote in the town's ordinary zone; filing is refused above
    zone: street?.zone ?? zoneOfStreet(comune, input.street, null, input.start)?.zone ?? '',
    measure: input.measure,
    start: input.start,
    end: input.end ?? null,
    hours: input.hours ?? null,
    ownSign: category?.advertising ? input.ownSign : false,
  });
  if (computed.ok) fee = computed.value;
  else refusals.push(refusal(computed.error.code, computed.error.params));

  let applicant: CanoneApplicant | null = null;
  if (input.applicant) {
    const seat = `${street?.name ?? input.street} ${input.civic}, ${ctx.comuneName}`.trim();
    const resolved = await resolveApplicant(db, input.applicant, seat);
    applicant = resolved.applicant;
    refusals.push(...resolved.refusals);
  }

  // a spot holds so many m² at once (spot.ts); linear metres (a driveway) take no surface there
  if (street && category?.unit === 'm2' && fee && setting) {
    const existing: SpotOccupation[] = (await applicationsAtStreet(db, street.name)).map((r) => ({
      id: r.id,
      street: siteStreet(r),
      civic: r.site.civic,
      start: r.start,
      end: r.concession?.validTo ?? r.end,
      measure: r.measure,
      status: spotStatus(r),
    }));
    const conflicts = spotConflict(
      {
        street: street.name,
        civic: input.civic,
        start: input.start,
        end: input.end ?? null,
        measure: input.measure,
      },
      existing,
      setting.spotCapacityM2,
    );
    const first = conflicts?.[0];
    if (first) {
      refusals.push(
        refusal('canone_spot_full', {
          street: street.name,
          civic: input.civic,
          bookedM2: first.bookedM2,
          capacityM2: first.capacityM2,
          from: first.from,
          to: first.to ?? '…',
          measure: input.measure,
        }),
      );
    }
  }

  const instalments =
    fee && setting && fee.totalCents > 0
      ? input.regime === 'temporary'
        ? noticeInstalments(fee.totalCents, 'temporary', input.start, setting, today)
        : noticeInstalments(fee.totalCents, 'permanent', input.start, setting, today)
      : [];
  return { comune, street, category, setting, fee, applicant, instalments, refusals };
}
