import { addDays, compareIsoDates, daysBetween, isIsoDate, type IsoDate } from '../calendar/iso-date';
import type { ResidentStatus } from '../registry/model';
import {
  compareLocalDateTimes,
  isLocalDateTime,
  localDateOf,
  type LocalDateTime,
} from '../protocol/local-date-time';
import {
  isPermitKind,
  isTemporaryKind,
  kindRowOn,
  PERMIT_KIND_ROWS,
  type PermitKindRow,
} from './permit-kinds';
import type { PermitRecord } from './permit-wire';
import { parsePlate, samePlate, type PlateValue } from './plate';
import { permitValidity, type ValidityResult } from './validity';
import type { ZoneOf } from './ztl-zones';

/**
 * May this person have this permit? One pure rule run by the desk before issuing (so the clerk
 * sees every reason at once) and by the hub when the mutation arrives (with the hub's own view of
 * the household's permits, which may know of one issued at another counter meanwhile).
 *
 * Refusals are data: a stable `code` and the `params` its message needs (permit-errors.ts).
 * Dates in params are ISO dates; the message formats them.
 */

export type PermitRefusalCode =
  | 'permit_household_exists'
  | 'permit_not_resident_in_zone'
  | 'permit_private_parking'
  | 'permit_retroactive'
  | 'permit_too_far_ahead'
  | 'permit_cude_too_many_plates'
  | 'permit_overlap'
  | 'permit_revoked_not_renewable'
  | 'permit_kind_unknown'
  | 'permit_holder_not_head'
  | 'permit_household_cap'
  | 'permit_end_required'
  | 'plate_invalid'
  // not in the brief's list: a kind's other requirements, and one plate for non-CUDE kinds
  | 'permit_requirement_missing'
  | 'permit_too_many_plates';

export interface PermitRefusal {
  code: PermitRefusalCode;
  params: Record<string, string | number>;
}

/** What a requirement names in `permit_requirement_missing` (permit-errors.ts words each). */
export type PermitRequirementName =
  | 'start'
  | 'plate'
  | 'residence_in_comune'
  | 'garage_passo_carraio'
  | 'chamber_of_commerce'
  | 'albo'
  | 'asl_certificate'
  | 'renewed_permit';

/**
 * A new permit does not start more than this many days after the request [U: our choice]; the
 * temporary ticket has its own limit in its row (10 days, DOMAIN.md §5.1).
 */
export const DEFAULT_MAX_DAYS_AHEAD = 30;
/** A renewal is accepted from this many days before the old permit ends [U: our choice]. */
export const RENEWAL_WINDOW_DAYS = 60;

export interface PermitRequest {
  /** Belfiore code of the issuing comune */
  comune: string;
  kind: string;
  plates: readonly { plate: string; country?: string | null }[];
  /** ZTL or sosta sector asked for; null: the one of the holder's street */
  zone?: string | null;
  /** first day, or the first minute (LocalDateTime) of a temporary ticket */
  start: IsoDate | LocalDateTime;
  /** cude temporaneo: last day of the certified condition; domiciliati: end of the domicile */
  end?: IsoDate | null;
  renewsId?: string | null;
  /** CUDE: the ASL certificate reference (health data) */
  aslRef?: string | null;
}

export interface StreetRef {
  streetType: string;
  streetName: string;
}

export interface HolderFacts {
  /** registry id; null for a holder outside the registry (firm, non-resident) */
  id: string | null;
  /** registry status; 'not_in_registry' for a firm or a non-resident */
  status: ResidentStatus | 'not_in_registry';
  isHeadOfHousehold: boolean;
  householdId: string | null;
  /** residence address, when in the registry */
  street: StreetRef | null;
  /** `zoneOf(comune, street, date)` of the residence (ztl-zones.ts) */
  residenceZone: ZoneOf;
  /** domiciliati: the domicile's street and its zones */
  domicileStreet?: StreetRef | null;
  domicileZone?: ZoneOf | null;
}

/** What desk and hub both know when the request is checked. */
export interface EligibilityFacts {
  holder: HolderFacts;
  /** permits of the holder and of the household, any status (the hub's change log) */
  existingPermits: readonly PermitRecord[];
  /** the applicant declared a garage, box or courtyard space of their own */
  privateParking: boolean;
  garageWithPassoCarraio?: boolean;
  chamberOfCommerce?: boolean;
  albo?: boolean;
}

export type EligibilityResult =
  | { ok: true; row: PermitKindRow; validity: Extract<ValidityResult, { ok: true }> }
  | { ok: false; refusals: PermitRefusal[] };

const refusal = (code: PermitRefusalCode, params: PermitRefusal['params'] = {}): PermitRefusal => ({
  code,
  params,
});

const streetText = (s: StreetRef | null | undefined): string =>
  s ? `${s.streetType} ${s.streetName}`.trim() : '';

/** Permits that may still stand in the way: not revoked, superseded or marked expired. */
const standing = (p: PermitRecord): boolean => p.status === 'active' || p.status === 'revocation_proposed';

/** Whether a permit's validity meets the new one's (days, or minutes for temporary tickets). */
function overlaps(p: PermitRecord, v: Extract<ValidityResult, { ok: true }>): boolean {
  if (p.validFromAt !== null && p.validToAt !== null && v.validFromAt !== null && v.validToAt !== null) {
    return (
      compareLocalDateTimes(p.validFromAt, v.validToAt) <= 0 &&
      compareLocalDateTimes(v.validFromAt, p.validToAt) <= 0
    );
  }
  return compareIsoDates(p.validFrom, v.validTo) <= 0 && compareIsoDates(v.validFrom, p.validTo) <= 0;
}

export interface EligibilityTables {
  kinds?: readonly PermitKindRow[];
}

/**
 * Every reason `request` cannot be granted, given `facts`, on `today`. `today` is the civil date
 * of the request, or the moment (LocalDateTime): with the moment, a temporary ticket starting
 * earlier the same day is refused as retroactive too.
 */
export function checkEligibility(
  request: PermitRequest,
  facts: EligibilityFacts,
  today: IsoDate | LocalDateTime,
  tables: EligibilityTables = {},
): EligibilityResult {
  const now = isLocalDateTime(today) ? today : null;
  const todayDate = now !== null ? localDateOf(now) : today;
  const startDate = isLocalDateTime(request.start) ? localDateOf(request.start) : request.start;
  if (!isIsoDate(todayDate) || !isIsoDate(startDate)) {
    return { ok: false, refusals: [refusal('permit_requirement_missing', { requirement: 'start' })] };
  }
  // the rules of the day of issue: a permit sold today under today's table
  const row = isPermitKind(request.kind)
    ? kindRowOn(request.kind, request.comune, todayDate, tables.kinds ?? PERMIT_KIND_ROWS)
    : null;
  if (row === null)
    return { ok: false, refusals: [refusal('permit_kind_unknown', { kind: String(request.kind) })] };

  const refusals: PermitRefusal[] = [];
  const { holder } = facts;
  const req = row.requires;

  // --- plates ---
  const plates: PlateValue[] = [];
  for (const p of request.plates) {
    const parsed = parsePlate(p.plate, p.country ?? undefined);
    if (parsed.ok) plates.push({ plate: parsed.plate, country: parsed.country });
    else refusals.push(refusal('plate_invalid', parsed.params));
  }
  if (request.plates.length > row.maxPlates) {
    refusals.push(
      refusal(row.family === 'cude' ? 'permit_cude_too_many_plates' : 'permit_too_many_plates', {
        max: row.maxPlates,
        count: request.plates.length,
      }),
    );
  }
  if (row.requiresPlate && request.plates.length === 0) {
    refusals.push(refusal('permit_requirement_missing', { requirement: 'plate' }));
  }

  // --- dates: never retroactive, not too far ahead ---
  const temporary = isTemporaryKind(row.kind);
  if (temporary && !isLocalDateTime(request.start)) {
    refusals.push(refusal('permit_requirement_missing', { requirement: 'start' }));
  }
  const retroactive =
    now !== null && temporary && isLocalDateTime(request.start)
      ? compareLocalDateTimes(request.start, now) < 0
      : compareIsoDates(startDate, todayDate) < 0;
  if (retroactive)
    refusals.push(refusal('permit_retroactive', { start: String(request.start), today: String(today) }));

  const renewed = request.renewsId ? facts.existingPermits.find((p) => p.id === request.renewsId) : undefined;
  if (request.renewsId && renewed === undefined) {
    refusals.push(refusal('permit_requirement_missing', { requirement: 'renewed_permit' }));
  }
  if (renewed?.status === 'revoked') {
    refusals.push(
      refusal('permit_revoked_not_renewable', { number: renewed.number, until: renewed.validTo }),
    );
  }
  if (renewed !== undefined && standing(renewed) && !temporary) {
    // a renewal starts when the old permit ends (validity.ts renewalStart): it may be asked from
    // RENEWAL_WINDOW_DAYS before; a permit no longer standing is renewed like a new one
    if (daysBetween(todayDate, renewed.validTo) > RENEWAL_WINDOW_DAYS) {
      refusals.push(
        refusal('permit_too_far_ahead', {
          max: RENEWAL_WINDOW_DAYS,
          start: startDate,
          latest: addDays(renewed.validTo, -RENEWAL_WINDOW_DAYS),
        }),
      );
    }
  } else {
    const max = row.maxDaysAhead ?? DEFAULT_MAX_DAYS_AHEAD;
    if (daysBetween(todayDate, startDate) > max) {
      refusals.push(
        refusal('permit_too_far_ahead', { max, start: startDate, latest: addDays(todayDate, max) }),
      );
    }
  }

  const end = request.end ?? null;
  if (
    row.validity.unit === 'until_date' &&
    (end === null || !isIsoDate(end) || compareIsoDates(end, startDate) < 0)
  ) {
    refusals.push(refusal('permit_end_required', { start: startDate, end: end ?? '' }));
  }

  // --- the holder ---
  const resident = holder.status === 'resident';
  if (req.residentInComune && !resident) {
    refusals.push(refusal('permit_requirement_missing', { requirement: 'residence_in_comune' }));
  }
  if (req.residenceInZone) {
    const own = row.family === 'sosta' ? holder.residenceZone.sosta : holder.residenceZone.ztl;
    const asked = request.zone ?? own;
    if (!resident || own === null || asked !== own) {
      refusals.push(
        refusal('permit_not_resident_in_zone', {
          street: streetText(holder.street),
          zone: asked ?? row.family.toUpperCase(),
        }),
      );
    }
  }
  if (req.domicileInZone) {
    const own = holder.domicileZone?.ztl ?? null;
    const asked = request.zone ?? own;
    if (own === null || asked !== own) {
      refusals.push(
        refusal('permit_not_resident_in_zone', {
          street: streetText(holder.domicileStreet),
          zone: asked ?? 'ZTL',
        }),
      );
    }
  }
  if (req.noPrivateParking && facts.privateParking) refusals.push(refusal('permit_private_parking'));
  if (req.headOfHousehold && !holder.isHeadOfHousehold) refusals.push(refusal('permit_holder_not_head'));
  const missing = (needed: boolean, have: boolean | undefined, requirement: PermitRequirementName) => {
    if (needed && have !== true) refusals.push(refusal('permit_requirement_missing', { requirement }));
  };
  missing(req.garageWithPassoCarraio, facts.garageWithPassoCarraio, 'garage_passo_carraio');
  missing(req.chamberOfCommerce, facts.chamberOfCommerce, 'chamber_of_commerce');
  missing(req.albo, facts.albo, 'albo');
  missing(req.aslCertificate, (request.aslRef ?? '').trim() !== '', 'asl_certificate');

  // --- other permits: household, cap, same plate ---
  const validity = permitValidity(row, request.start, { domicileEnd: end, certifiedEnd: end });
  if (validity.ok) {
    const others = facts.existingPermits.filter(
      (p) => p.kind === row.kind && p.id !== request.renewsId && standing(p) && overlaps(p, validity),
    );
    const household = holder.householdId;
    const sameHousehold = household === null ? [] : others.filter((p) => p.householdId === household);
    const reported = new Set<string>();
    if (row.onePerHousehold) {
      for (const p of sameHousehold) {
        reported.add(p.id);
        refusals.push(
          refusal('permit_household_exists', {
            plate: p.plates[0]?.plate ?? '',
            until: p.validTo,
            number: p.number,
          }),
        );
      }
    }
    if (row.householdCap !== null && sameHousehold.length >= row.householdCap) {
      refusals.push(refusal('permit_household_cap', { cap: row.householdCap, count: sameHousehold.length }));
    }
    for (const p of others) {
      if (reported.has(p.id)) continue;
      const shared = p.plates.find((q) => plates.some((r) => samePlate(q, r)));
      if (shared) {
        refusals.push(
          refusal('permit_overlap', {
            plate: shared.plate,
            number: p.number,
            from: p.validFromAt ?? p.validFrom,
            until: p.validToAt ?? p.validTo,
          }),
        );
      }
    }
  }

  if (refusals.length > 0) return { ok: false, refusals };
  if (!validity.ok) {
    // unreachable in practice: every validity failure is reported above (start, end)
    return { ok: false, refusals: [refusal('permit_requirement_missing', { requirement: 'start' })] };
  }
  return { ok: true, row, validity };
}
