import { AppError } from '../errors/app-error';
import type { Locale } from '../i18n/locale';
import type { ResidenceData } from './case-record';
import {
  personKey,
  residenceSchedule,
  streetKey,
  validateResidenceIntake,
  type IntakeContext,
  type NewAddress,
  type ResidenceError,
  type ResidenceIntake,
  type ResidenceWarning,
  type Street,
  type StreetList,
} from './change-of-residence';

/**
 * The change of residence as a case: what the counter and the hub both derive from a
 * declaration (subject, persons, dates) and how its refusal reads. The rules themselves are in
 * change-of-residence.ts.
 */

export const RESIDENCE_PROCEDURE = 'cambio_residenza';

/**
 * The comune's street list (stradario) as the registry knows it: every street someone lives in,
 * with its CAPs. Our rule for "an address outside the comune" (DOMAIN.md §3): a street no
 * household of the comune's registry lives in is not accepted. The demo registry covers Casale's
 * real street list (../shared/data/casale_streets.tsv); a new street is added by the office
 * through the registry, not typed at the counter.
 */
export function streetListOf(
  comune: string,
  rows: readonly { streetType: string; streetName: string; cap: string }[],
): StreetList {
  const byKey = new Map<string, Street & { caps: string[] }>();
  const caps = new Set<string>();
  for (const r of rows) {
    caps.add(r.cap);
    const key = streetKey(r.streetType, r.streetName);
    const street = byKey.get(key) ?? { streetType: r.streetType, streetName: r.streetName, caps: [] };
    if (!street.caps.includes(r.cap)) street.caps.push(r.cap);
    byKey.set(key, street);
  }
  return { comune, caps: [...caps].sort(), streets: [...byKey.values()] };
}

/** The street as the registry writes it ("via roma" typed → "Via" "Roma"), or null when unknown. */
export function canonicalStreet(list: StreetList, streetType: string, streetName: string): Street | null {
  const wanted = streetKey(streetType, streetName);
  return list.streets.find((s) => streetKey(s.streetType, s.streetName) === wanted) ?? null;
}

/** "int. 3 · scala B · piano 2": the registry keeps one free-form field for the three. */
export function interiorText(a: Pick<NewAddress, 'interior' | 'stair' | 'floor'>): string {
  const parts = [
    a.interior?.trim() ? `int. ${a.interior.trim()}` : '',
    a.stair?.trim() ? `scala ${a.stair.trim()}` : '',
    a.floor?.trim() ? `piano ${a.floor.trim()}` : '',
  ];
  return parts.filter((p) => p !== '').join(' · ');
}

export function addressText(a: NewAddress): string {
  const street = [a.streetType, a.streetName, a.houseNumber].filter((p) => p.trim() !== '').join(' ');
  const interior = interiorText(a);
  return interior ? `${street}, ${interior}` : street;
}

const moverName = (m: ResidenceIntake['movers'][number]): string => `${m.surname} ${m.givenNames}`.trim();

export function residenceSubject(intake: ResidenceIntake): string {
  const names = intake.movers.map(moverName).join(', ');
  return `Dichiarazione di residenza: ${names} → ${addressText(intake.address)}`.slice(0, 300);
}

/** Resident ids and codici fiscali of the movers: one open residence case per person. */
export function residencePersons(intake: ResidenceIntake): string[] {
  const keys = intake.movers.flatMap((m) =>
    m.source === 'registry' ? [m.residentId, m.codiceFiscale] : [m.codiceFiscale ?? '', personKey(m)],
  );
  return [...new Set(keys.filter((k) => k.trim() !== ''))];
}

/** The residence part of a new case (its dates from the declaration), before registration. */
export function newResidenceData(intake: ResidenceIntake & ResidenceData['intake']): ResidenceData {
  const schedule = residenceSchedule({
    comune: intake.comune,
    declarationDate: intake.declarationDate,
    channel: intake.channel,
    protocolDate: intake.protocolDate,
  });
  if (!schedule) throw new AppError('case_intake_invalid', intakeErrorParams([], intake.declarationDate));
  return {
    intake,
    schedule,
    previous: [],
    familyId: null,
    createdResidents: [],
    registryApplied: false,
    registryRestored: false,
    policeCheck: null,
  };
}

const joined = (errors: readonly ResidenceError[], locale: Locale): string =>
  errors.map((e) => e.message[locale]).join('\n');

function intakeErrorParams(errors: readonly ResidenceError[], date: string) {
  const fallback = { it: `nessuna regola in vigore al ${date}.`, en: `no rules in force on ${date}.` };
  return {
    reasons: errors.map((e) => e.reason).join(','),
    fields: errors.map((e) => ('field' in e ? e.field : e.reason)).join(','),
    detail_it: errors.length > 0 ? joined(errors, 'it') : fallback.it,
    detail_en: errors.length > 0 ? joined(errors, 'en') : fallback.en,
  };
}

/**
 * Validates the declaration and throws every problem at once as `case_intake_invalid` (the
 * `reasons` parameter lists the stable codes, e.g. `incomplete,address_outside_comune`).
 */
export function checkResidenceIntake(intake: ResidenceIntake, context: IntakeContext): ResidenceWarning[] {
  const result = validateResidenceIntake(intake, context);
  if (!result.ok)
    throw new AppError('case_intake_invalid', intakeErrorParams(result.errors, intake.declarationDate));
  return result.warnings;
}
