import { checkCodiceFiscale } from '../codice-fiscale/codice-fiscale';
import {
  addDays,
  compareIsoDates,
  isIsoDate,
  isLeapYear,
  isoDate,
  isWithin,
  parseIsoDate,
  type IsoDate,
} from '../calendar/iso-date';
import { addWorkingDays, termEnd, type CalendarOptions } from '../calendar/working-days';
import { fieldLabel } from '../i18n/field-labels';
import { interpolate, type Locale } from '../i18n/locale';
import { formatDate } from '../i18n/registry-labels';
import type { CivilStatus, Relationship, Sex } from '../registry/model';
import type { Suspension } from './case-model';
import { silenceFormsOn } from './deadline';

/**
 * Change of residence "in tempo reale" (DL 5/2012 art. 5, conv. L. 35/2012; DPR 223/1989;
 * DOMAIN.md §3 and §14 fact 8):
 *
 * - the declaration is due within 20 days of the move (art. 5 c.1);
 * - the registrar registers it within 2 WORKING days of the declaration, or of its protocol
 *   registration when it did not come to the counter (art. 5 c.3);
 * - its legal effect runs from the date of the declaration (art. 5 c.3);
 * - requirements are checked within 45 days, including an unannounced Polizia Locale visit; if
 *   no notice of grounds for refusal (art. 10-bis L. 241/1990) is sent within 45 days, the
 *   registration is confirmed by silence-assent (art. 5 c.5; L. 241/1990 art. 20);
 * - all adult household members who move sign; whoever occupies a dwelling without title
 *   cannot take residence there (DL 47/2014 art. 5).
 *
 * An incomplete declaration is not receivable (Ministry of the Interior circular 9/2012 [K]),
 * hence the intake check below lists every missing field at once.
 */

export interface ResidenceRules {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** art. 5 c.1: declare within this many days of the move */
  declarationDays: number;
  /** art. 5 c.3: register within this many working days */
  registrationWorkingDays: number;
  /** art. 5 c.5: checks, and the notice of grounds for refusal, within this many days */
  checkDays: number;
  /** age from which a mover must sign */
  adultAge: number;
  law: string;
}

/** Dated rules. Art. 5 took effect on 9 May 2012 (90 days after conversion law L. 35/2012) [V]. */
export const RESIDENCE_RULES: readonly ResidenceRules[] = [
  {
    validFrom: '2012-05-09',
    validTo: null,
    declarationDays: 20,
    registrationWorkingDays: 2,
    checkDays: 45,
    adultAge: 18,
    law: 'DL 5/2012 art. 5 (conv. L. 35/2012)',
  },
];

export function residenceRulesOn(
  date: IsoDate,
  table: readonly ResidenceRules[] = RESIDENCE_RULES,
): ResidenceRules | null {
  return (
    table
      .filter((r) => isWithin(date, r.validFrom, r.validTo))
      .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0] ?? null
  );
}

/**
 * Citizenships that need no residence permit: EU (27 since 1 February 2020), EEA and
 * Switzerland (D.Lgs. 30/2007) [K]. Every other foreign citizen shows the permesso di
 * soggiorno (D.Lgs. 286/1998 arts. 5-6, recalled by DL 5/2012 art. 5 c.3; DOMAIN.md §3 [K]).
 */
const EU_27 = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK';
const EEA_NON_EU = 'IS LI NO';
export const NO_PERMIT_CITIZENSHIPS: readonly string[] = `${EU_27} ${EEA_NON_EU} CH`.split(' ');

export type DeclarationChannel = 'counter' | 'post' | 'fax' | 'email' | 'pec' | 'online';

export type MoveOrigin =
  | { kind: 'same_comune' }
  | { kind: 'other_comune'; fromComune: string }
  | { kind: 'abroad'; fromCountry: string };

/** A mover already in this comune's registry: the registry's data, copied at intake. */
export interface RegistryMover {
  source: 'registry';
  residentId: string;
  surname: string;
  givenNames: string;
  birthDate: IsoDate;
  codiceFiscale: string;
  citizenship: string;
  /** relationship to the head of the (new or joined) household */
  relationship: Relationship | null;
}

/** A mover not in the registry (from another comune or from abroad). */
export interface NewMover {
  source: 'new';
  /** a temporary key for this intake (signatures, licences and plates refer to it) */
  key: string;
  surname: string;
  givenNames: string;
  sex: Sex | null;
  birthDate: IsoDate;
  /** Belfiore code, or Z + 3 digits for a foreign country */
  birthPlaceCode: string;
  /** null when not yet assigned (arrivals from abroad) */
  codiceFiscale: string | null;
  /** ISO 3166-1 alpha-2 */
  citizenship: string;
  civilStatus: CivilStatus | null;
  /** statistical fields (DOMAIN.md §3), optional */
  education: string | null;
  profession: string | null;
  relationship: Relationship | null;
  residencePermit: { number: string; expiresOn: IsoDate } | null;
}

export type Mover = RegistryMover | NewMover;

export const personKey = (m: Mover): string => (m.source === 'registry' ? m.residentId : m.key);
const personName = (m: Mover): string => `${m.surname} ${m.givenNames}`.trim() || personKey(m);

export interface NewAddress {
  streetType: string;
  streetName: string;
  houseNumber: string;
  interior: string | null;
  stair: string | null;
  floor: string | null;
  cap: string;
  /** a building with several dwellings: interior and floor are then required */
  multiUnitBuilding: boolean;
}

export interface ContractRegistration {
  /** Agenzia delle Entrate office, when known */
  office: string | null;
  number: string;
  date: IsoDate;
}

/** DL 47/2014 art. 5: the title to occupy the dwelling (DOMAIN.md §3). */
export type OccupationTitle =
  | { kind: 'owner' }
  | { kind: 'lease'; registration: ContractRegistration | null }
  /** a verbal comodato needs no registration [U], so it is not required here */
  | { kind: 'comodato'; registration: ContractRegistration | null }
  | { kind: 'usufruct' }
  | { kind: 'other'; description: string };

export type HouseholdChoice = { kind: 'new' } | { kind: 'join'; familyId: string };

export interface DrivingLicence {
  personKey: string;
  number: string;
}

export interface VehiclePlate {
  personKey: string;
  plate: string;
}

/** Who declares for movers who are all minors. */
export interface Representative {
  fullName: string;
  role: 'parent' | 'guardian';
  signed: boolean;
}

export interface ResidenceIntake {
  comune: string;
  /** the day the declaration was presented (at the counter, or received) */
  declarationDate: IsoDate;
  /** the day of the move, when stated */
  movedOn: IsoDate | null;
  channel: DeclarationChannel;
  /** protocol date of a declaration not filed at the counter */
  protocolDate: IsoDate | null;
  origin: MoveOrigin;
  movers: readonly Mover[];
  address: NewAddress;
  occupation: OccupationTitle | null;
  household: HouseholdChoice;
  drivingLicences: readonly DrivingLicence[];
  vehiclePlates: readonly VehiclePlate[];
  /** keys of the movers who signed */
  signatures: readonly string[];
  representative: Representative | null;
}

export interface Street {
  streetType: string;
  streetName: string;
  /** the street's own CAPs in a comune with several; absent = the comune's */
  caps?: readonly string[];
}

/** The comune's street list (stradario) and CAPs. */
export interface StreetList {
  comune: string;
  caps: readonly string[];
  streets: readonly Street[];
}

export interface IntakeContext {
  today: IsoDate;
  /** resident ids and codici fiscali of people in other open cases */
  personsInOpenCases: ReadonlySet<string>;
  streets: StreetList;
  calendar?: CalendarOptions;
  rules?: readonly ResidenceRules[];
}

// ---- errors and warnings ----

export type ResidenceProblem =
  | { reason: 'incomplete'; field: string }
  | { reason: 'invalid_field'; field: string; value: string }
  | { reason: 'date_in_future'; field: string; value: string; today: string }
  | { reason: 'date_after_declaration'; field: string; value: string; declarationDate: string }
  | { reason: 'duplicate_person'; field: string; name: string }
  | { reason: 'already_in_open_case'; field: string; name: string }
  | { reason: 'wrong_street_list'; comune: string; listComune: string }
  | {
      reason: 'address_outside_comune';
      field: 'address.streetName' | 'address.cap';
      value: string;
      comune: string;
    }
  | { reason: 'same_comune_origin'; comune: string }
  | { reason: 'household_head'; count: number }
  | { reason: 'head_in_joined_household'; field: string; name: string }
  | { reason: 'missing_signatures'; names: string }
  | { reason: 'no_adult_declarant' }
  | { reason: 'unknown_person'; field: string; key: string }
  | { reason: 'no_rules_on_date'; date: string };

export type ResidenceWarningProblem =
  | { reason: 'late_declaration'; movedOn: string; dueBy: string }
  | { reason: 'residence_permit_missing'; field: string; name: string }
  | { reason: 'comodato_not_registered' };

export type ResidenceError = ResidenceProblem & { message: Record<Locale, string> };
export type ResidenceWarning = ResidenceWarningProblem & { message: Record<Locale, string> };

const MESSAGES = {
  incomplete: {
    it: 'Dichiarazione incompleta: manca «{field}».',
    en: 'Incomplete declaration: “{field}” is missing.',
  },
  invalid_field: {
    it: 'Valore non valido in «{field}»: «{value}».',
    en: 'Invalid value in “{field}”: “{value}”.',
  },
  date_in_future: {
    it: '«{field}» ({value}) è nel futuro (oggi è il {today}).',
    en: '“{field}” ({value}) is in the future (today is {today}).',
  },
  date_after_declaration: {
    it: '«{field}» ({value}) è successiva alla dichiarazione ({declarationDate}).',
    en: '“{field}” ({value}) is after the declaration ({declarationDate}).',
  },
  duplicate_person: {
    it: '{name} compare due volte tra le persone che si trasferiscono.',
    en: '{name} appears twice among the people moving.',
  },
  already_in_open_case: {
    it: '{name} è già in un’altra pratica di residenza aperta.',
    en: '{name} is already in another open residence case.',
  },
  wrong_street_list: {
    it: 'Lo stradario è del comune {listComune}, la dichiarazione del comune {comune}.',
    en: 'The street list belongs to comune {listComune}, the declaration to comune {comune}.',
  },
  address_outside_comune: {
    it: '«{value}» non risulta nello stradario del comune {comune} ({field}).',
    en: '“{value}” is not in the street list of comune {comune} ({field}).',
  },
  same_comune_origin: {
    it: 'Provenienza «altro comune» uguale al comune di destinazione ({comune}): è un cambio di abitazione.',
    en: 'Origin “another comune” is the destination comune ({comune}): this is a change of address.',
  },
  household_head: {
    it: 'Una nuova famiglia ha un solo intestatario scheda: ne sono indicati {count}.',
    en: 'A new household has exactly one head: {count} given.',
  },
  head_in_joined_household: {
    it: '{name} non può essere intestatario: la famiglia a cui si aggiunge ne ha già uno.',
    en: '{name} cannot be head of household: the household joined already has one.',
  },
  missing_signatures: {
    it: 'Devono firmare tutti i maggiorenni che si trasferiscono: manca la firma di {names}.',
    en: 'Every adult who moves must sign: missing signature of {names}.',
  },
  no_adult_declarant: {
    it: 'Si trasferiscono solo minori: serve la dichiarazione firmata di un genitore o del tutore.',
    en: 'Only minors are moving: a signed declaration by a parent or guardian is required.',
  },
  unknown_person: {
    it: '«{field}» si riferisce a «{key}», che non è tra le persone che si trasferiscono.',
    en: '“{field}” refers to “{key}”, who is not among the people moving.',
  },
  no_rules_on_date: {
    it: 'Nessuna regola sul cambio di residenza in vigore al {date}.',
    en: 'No change-of-residence rules in force on {date}.',
  },
  late_declaration: {
    it: 'Dichiarazione tardiva: il trasferimento del {movedOn} andava dichiarato entro il {dueBy}.',
    en: 'Late declaration: the move of {movedOn} was to be declared by {dueBy}.',
  },
  residence_permit_missing: {
    it: 'Per {name} (cittadino non UE) manca il permesso di soggiorno.',
    en: 'Residence permit missing for {name} (non-EU citizen).',
  },
  comodato_not_registered: {
    it: 'Comodato senza estremi di registrazione: verificare il titolo (comodato verbale?).',
    en: 'Comodato without registration data: check the title (a verbal comodato?).',
  },
} as const satisfies Record<
  ResidenceProblem['reason'] | ResidenceWarningProblem['reason'],
  Record<Locale, string>
>;

function withMessage<P extends ResidenceProblem | ResidenceWarningProblem>(
  problem: P,
): P & { message: Record<Locale, string> } {
  const template = MESSAGES[problem.reason];
  // the clerk reads the form's label ("Civico", not "address.houseNumber") and dates as gg/mm/aaaa
  const params = (locale: Locale): Record<string, string | number> => {
    const out: Record<string, string | number> = { ...problem };
    for (const [k, v] of Object.entries(out))
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out[k] = formatDate(v);
    if ('field' in problem) out.field = fieldLabel(problem.field, locale);
    return out;
  };
  return {
    ...problem,
    message: { it: interpolate(template.it, params('it')), en: interpolate(template.en, params('en')) },
  };
}

// ---- dates ----

/**
 * Whether someone born on `birthDate` is `age` or older on `date`. Someone born on 29 February
 * comes of age on 28 February in a non-leap year (art. 2963 c.4 c.c.: a term ending on a day
 * the month lacks ends on its last day) [K].
 */
export function isAdultOn(birthDate: IsoDate, date: IsoDate, age = 18): boolean {
  const parts = parseIsoDate(birthDate);
  if (!parts) throw new RangeError(`Not an ISO date: ${birthDate}`);
  const year = parts.year + age;
  const day = parts.month === 2 && parts.day === 29 && !isLeapYear(year) ? 28 : parts.day;
  return compareIsoDates(date, isoDate(year, parts.month, day)) >= 0;
}

export interface ResidenceSchedule {
  /** legal effect: the date of the declaration (art. 5 c.3) */
  effectiveFrom: IsoDate;
  /** registration in the anagrafe: 2 working days from the declaration or its protocol */
  registrationDue: IsoDate;
  /**
   * Last day for the checks (police visit) and for the notice of grounds for refusal: 45
   * calendar days from the declaration, moved off a holiday.
   */
  checkDue: IsoDate;
  /** the first day the registration counts as confirmed by silence-assent */
  silenceAssentFrom: IsoDate;
}

export interface ScheduleFacts {
  comune: string;
  declarationDate: IsoDate;
  channel: DeclarationChannel;
  protocolDate: IsoDate | null;
}

export interface ScheduleOptions {
  calendar?: CalendarOptions;
  rules?: readonly ResidenceRules[];
}

/** The dates of a declaration; null when no rules were in force on its date. */
export function residenceSchedule(
  facts: ScheduleFacts,
  options: ScheduleOptions = {},
): ResidenceSchedule | null {
  const rules = residenceRulesOn(facts.declarationDate, options.rules);
  if (!rules) return null;
  const calendar: CalendarOptions = { comune: facts.comune, ...options.calendar };
  const registrationStart =
    facts.channel === 'counter' ? facts.declarationDate : (facts.protocolDate ?? facts.declarationDate);
  const term = { legalStart: facts.declarationDate, days: rules.checkDays, suspensions: [] };
  return {
    effectiveFrom: facts.declarationDate,
    registrationDue: addWorkingDays(registrationStart, rules.registrationWorkingDays, calendar),
    checkDue: termEnd(facts.declarationDate, rules.checkDays, calendar),
    silenceAssentFrom: silenceFormsOn(term, facts.declarationDate, calendar),
  };
}

/** The legal effect of the registration runs from the declaration (art. 5 c.3). */
export function effectiveDate(intake: Pick<ResidenceIntake, 'declarationDate'>): IsoDate {
  return intake.declarationDate;
}

/**
 * The day the Polizia Locale's outcome is needed: the 45th day (moved off a holiday), less an
 * optional internal margin in calendar days so the office has time to write the notice.
 */
export function policeCheckDue(
  facts: ScheduleFacts,
  marginDays = 0,
  options: ScheduleOptions = {},
): IsoDate | null {
  const schedule = residenceSchedule(facts, options);
  return schedule === null ? null : addDays(schedule.checkDue, -marginDays);
}

/** What `silenceAssentDue` needs to know about a residence case. */
export interface ResidenceCaseFacts {
  comune: string;
  declarationDate: IsoDate;
  /** the day the notice of grounds for refusal (art. 10-bis) was sent, if it was */
  obstacleNoticeSentOn: IsoDate | null;
  /** an outcome is already recorded (confirmed, refused, withdrawn) */
  concluded: boolean;
  /** term suspensions (information requests), if any */
  suspensions?: readonly Suspension[];
}

export type SilenceAssent =
  | {
      due: true;
      formedOn: IsoDate;
      /** a notice sent after the term: too late to stop the assent */
      lateObstacleNotice: IsoDate | null;
    }
  | { due: false; reason: 'not_yet'; formsOn: IsoDate }
  | { due: false; reason: 'obstacle_notice_sent'; noticeOn: IsoDate }
  | { due: false; reason: 'already_concluded' }
  | { due: false; reason: 'no_rules' };

/**
 * Whether, on `today`, the registration must be recorded as confirmed by silence-assent
 * (DOMAIN.md §3 queue logic: after `check_due`, with no obstacle notice, set the status to
 * confirmed). A notice sent on or before the 45th day (moved off a holiday) stops it.
 */
export function silenceAssentDue(
  c: ResidenceCaseFacts,
  today: IsoDate,
  options: ScheduleOptions = {},
): SilenceAssent {
  if (c.concluded) return { due: false, reason: 'already_concluded' };
  const rules = residenceRulesOn(c.declarationDate, options.rules);
  if (!rules) return { due: false, reason: 'no_rules' };
  const calendar: CalendarOptions = { comune: c.comune, ...options.calendar };
  const term = { legalStart: c.declarationDate, days: rules.checkDays, suspensions: c.suspensions ?? [] };
  const formsOn = silenceFormsOn(term, today, calendar);
  const notice = c.obstacleNoticeSentOn;
  if (notice !== null && compareIsoDates(notice, formsOn) < 0) {
    return { due: false, reason: 'obstacle_notice_sent', noticeOn: notice };
  }
  if (compareIsoDates(today, formsOn) < 0) return { due: false, reason: 'not_yet', formsOn };
  return { due: true, formedOn: formsOn, lateObstacleNotice: notice };
}

// ---- intake validation ----

export interface ValidIntake {
  schedule: ResidenceSchedule;
  /** keys of the adult movers (who had to sign) */
  adults: string[];
  minors: string[];
  /** upper-cased, spaces removed */
  drivingLicences: DrivingLicence[];
  vehiclePlates: VehiclePlate[];
}

export type IntakeValidation =
  | { ok: true; value: ValidIntake; warnings: ResidenceWarning[] }
  | { ok: false; errors: ResidenceError[]; warnings: ResidenceWarning[] };

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';

/** Street-list key: upper case, accents and punctuation removed, digits kept ("Via XX Settembre" = "VIAXXSETTEMBRE"). */
export function streetKey(streetType: string, streetName: string): string {
  return `${streetType} ${streetName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

const HOUSE_NUMBER = /^(\d{1,5}(\s*\/?\s*[A-Z0-9]{1,6})?|SNC)$/i;
const CAP = /^\d{5}$/;
const BELFIORE = /^[A-Z]\d{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
const LICENCE = /^[A-Z0-9]{5,12}$/;
const PLATE = /^[A-Z0-9]{5,8}$/;
const compact = (s: string): string => s.replace(/\s+/g, '').toUpperCase();

/**
 * Checks a declaration of residence before it is accepted, and returns EVERY problem found
 * (the clerk fixes them in one pass): incomplete fields (named by path, e.g.
 * `movers[1].birthDate`), a person already in another open case, an address not in the
 * comune's street list, missing signatures of adult movers, household and title problems.
 * Warnings (late declaration, missing permit, unregistered comodato) do not block.
 */
export function validateResidenceIntake(intake: ResidenceIntake, context: IntakeContext): IntakeValidation {
  const errors: ResidenceError[] = [];
  const warnings: ResidenceWarning[] = [];
  const error = (p: ResidenceProblem): void => void errors.push(withMessage(p));
  const warn = (p: ResidenceWarningProblem): void => void warnings.push(withMessage(p));
  const { today } = context;

  const checkDate = (field: string, value: IsoDate | null | undefined, required: boolean): boolean => {
    if (blank(value)) {
      if (required) error({ reason: 'incomplete', field });
      return false;
    }
    if (!isIsoDate(value)) {
      error({ reason: 'invalid_field', field, value: String(value) });
      return false;
    }
    if (compareIsoDates(value, today) > 0) {
      error({ reason: 'date_in_future', field, value, today });
      return false;
    }
    return true;
  };

  // -- declaration --
  if (blank(intake.comune)) error({ reason: 'incomplete', field: 'comune' });
  else if (intake.comune !== context.streets.comune) {
    error({ reason: 'wrong_street_list', comune: intake.comune, listComune: context.streets.comune });
  }
  const declared = checkDate('declarationDate', intake.declarationDate, true);
  const rules = declared ? residenceRulesOn(intake.declarationDate, context.rules) : null;
  if (declared && !rules) error({ reason: 'no_rules_on_date', date: intake.declarationDate });
  const declarationDate = declared ? intake.declarationDate : null;
  const notAfterDeclaration = (field: string, value: IsoDate): void => {
    if (declarationDate !== null && compareIsoDates(value, declarationDate) > 0) {
      error({ reason: 'date_after_declaration', field, value, declarationDate });
    }
  };

  if (checkDate('movedOn', intake.movedOn, false) && intake.movedOn !== null) {
    notAfterDeclaration('movedOn', intake.movedOn);
    if (declarationDate !== null && rules) {
      const dueBy = addDays(intake.movedOn, rules.declarationDays);
      if (compareIsoDates(declarationDate, dueBy) > 0)
        warn({ reason: 'late_declaration', movedOn: intake.movedOn, dueBy });
    }
  }
  if (
    intake.channel !== 'counter' &&
    checkDate('protocolDate', intake.protocolDate, true) &&
    intake.protocolDate !== null
  ) {
    if (declarationDate !== null && compareIsoDates(intake.protocolDate, declarationDate) < 0) {
      error({ reason: 'invalid_field', field: 'protocolDate', value: intake.protocolDate });
    }
  }

  // -- origin --
  const origin = intake.origin;
  if (origin.kind === 'other_comune') {
    if (blank(origin.fromComune)) error({ reason: 'incomplete', field: 'origin.fromComune' });
    else if (!BELFIORE.test(origin.fromComune)) {
      error({ reason: 'invalid_field', field: 'origin.fromComune', value: origin.fromComune });
    } else if (origin.fromComune === intake.comune)
      error({ reason: 'same_comune_origin', comune: intake.comune });
  } else if (origin.kind === 'abroad') {
    if (blank(origin.fromCountry)) error({ reason: 'incomplete', field: 'origin.fromCountry' });
    else if (!COUNTRY.test(origin.fromCountry)) {
      error({ reason: 'invalid_field', field: 'origin.fromCountry', value: origin.fromCountry });
    }
  }

  // -- movers --
  if (intake.movers.length === 0) error({ reason: 'incomplete', field: 'movers' });
  const keys = new Set<string>();
  const adults: string[] = [];
  const minors: string[] = [];
  intake.movers.forEach((m, i) => {
    const at = (f: string): string => `movers[${i}].${f}`;
    const key = personKey(m);
    const name = personName(m);
    if (blank(key))
      error({ reason: 'incomplete', field: at(m.source === 'registry' ? 'residentId' : 'key') });
    else if (keys.has(key)) error({ reason: 'duplicate_person', field: at('key'), name });
    keys.add(key);
    if (blank(m.surname)) error({ reason: 'incomplete', field: at('surname') });
    if (blank(m.givenNames)) error({ reason: 'incomplete', field: at('givenNames') });
    if (m.relationship === null) error({ reason: 'incomplete', field: at('relationship') });
    if (blank(m.citizenship)) error({ reason: 'incomplete', field: at('citizenship') });
    else if (!COUNTRY.test(m.citizenship))
      error({ reason: 'invalid_field', field: at('citizenship'), value: m.citizenship });
    if (checkDate(at('birthDate'), m.birthDate, true)) {
      notAfterDeclaration(at('birthDate'), m.birthDate);
      if (declarationDate !== null && rules) {
        (isAdultOn(m.birthDate, declarationDate, rules.adultAge) ? adults : minors).push(key);
      }
    }
    const ids = [key, m.codiceFiscale ?? ''].filter((x) => !blank(x));
    if (ids.some((id) => context.personsInOpenCases.has(id))) {
      error({ reason: 'already_in_open_case', field: at('key'), name });
    }
    if (m.source === 'registry') return;
    if (m.sex === null) error({ reason: 'incomplete', field: at('sex') });
    if (m.civilStatus === null) error({ reason: 'incomplete', field: at('civilStatus') });
    if (blank(m.birthPlaceCode)) error({ reason: 'incomplete', field: at('birthPlaceCode') });
    else if (!BELFIORE.test(m.birthPlaceCode)) {
      error({ reason: 'invalid_field', field: at('birthPlaceCode'), value: m.birthPlaceCode });
    }
    if (!blank(m.codiceFiscale) && m.codiceFiscale !== null && !checkCodiceFiscale(m.codiceFiscale).valid) {
      error({ reason: 'invalid_field', field: at('codiceFiscale'), value: m.codiceFiscale });
    }
    if (COUNTRY.test(m.citizenship) && !NO_PERMIT_CITIZENSHIPS.includes(m.citizenship)) {
      const permit = m.residencePermit;
      if (permit === null || blank(permit.number)) {
        warn({ reason: 'residence_permit_missing', field: at('residencePermit'), name });
      } else if (!isIsoDate(permit.expiresOn)) {
        error({ reason: 'invalid_field', field: at('residencePermit.expiresOn'), value: permit.expiresOn });
      }
    }
  });

  // -- household --
  if (intake.household.kind === 'new') {
    const heads = intake.movers.filter((m) => m.relationship === 'intestatario').length;
    if (intake.movers.length > 0 && heads !== 1) error({ reason: 'household_head', count: heads });
  } else {
    if (blank(intake.household.familyId)) error({ reason: 'incomplete', field: 'household.familyId' });
    intake.movers.forEach((m, i) => {
      if (m.relationship === 'intestatario') {
        error({
          reason: 'head_in_joined_household',
          field: `movers[${i}].relationship`,
          name: personName(m),
        });
      }
    });
  }

  // -- address --
  const a = intake.address;
  if (blank(a.streetName)) error({ reason: 'incomplete', field: 'address.streetName' });
  if (blank(a.houseNumber)) error({ reason: 'incomplete', field: 'address.houseNumber' });
  else if (!HOUSE_NUMBER.test(a.houseNumber.trim())) {
    error({ reason: 'invalid_field', field: 'address.houseNumber', value: a.houseNumber });
  }
  if (a.multiUnitBuilding) {
    if (blank(a.interior)) error({ reason: 'incomplete', field: 'address.interior' });
    if (blank(a.floor)) error({ reason: 'incomplete', field: 'address.floor' });
  }
  if (blank(a.cap)) error({ reason: 'incomplete', field: 'address.cap' });
  else if (!CAP.test(a.cap)) error({ reason: 'invalid_field', field: 'address.cap', value: a.cap });
  if (!blank(a.streetName) && intake.comune === context.streets.comune) {
    const wanted = streetKey(a.streetType, a.streetName);
    const street = context.streets.streets.find((s) => streetKey(s.streetType, s.streetName) === wanted);
    if (!street) {
      error({
        reason: 'address_outside_comune',
        field: 'address.streetName',
        value: `${a.streetType} ${a.streetName}`.trim(),
        comune: intake.comune,
      });
    } else if (CAP.test(a.cap) && !(street.caps ?? context.streets.caps).includes(a.cap)) {
      error({ reason: 'address_outside_comune', field: 'address.cap', value: a.cap, comune: intake.comune });
    }
  }

  // -- title of occupation (DL 47/2014 art. 5) --
  const title = intake.occupation;
  if (title === null) error({ reason: 'incomplete', field: 'occupation' });
  else if (title.kind === 'other' && blank(title.description)) {
    error({ reason: 'incomplete', field: 'occupation.description' });
  } else if (title.kind === 'lease' || title.kind === 'comodato') {
    const r = title.registration;
    if (r === null) {
      if (title.kind === 'lease') error({ reason: 'incomplete', field: 'occupation.registration' });
      else warn({ reason: 'comodato_not_registered' });
    } else {
      if (blank(r.number)) error({ reason: 'incomplete', field: 'occupation.registration.number' });
      checkDate('occupation.registration.date', r.date, true);
    }
  }

  // -- signatures: every adult mover (DOMAIN.md §3) --
  intake.signatures.forEach((key, i) => {
    if (!keys.has(key)) error({ reason: 'unknown_person', field: `signatures[${i}]`, key });
  });
  const signed = new Set(intake.signatures);
  const unsigned = intake.movers.filter((m) => adults.includes(personKey(m)) && !signed.has(personKey(m)));
  if (unsigned.length > 0)
    error({ reason: 'missing_signatures', names: unsigned.map(personName).join(', ') });
  if (intake.movers.length > 0 && adults.length === 0 && minors.length === intake.movers.length) {
    const rep = intake.representative;
    if (rep === null || blank(rep.fullName) || !rep.signed) error({ reason: 'no_adult_declarant' });
  }

  // -- driving licences and plates (optional lists) --
  const drivingLicences = intake.drivingLicences.map((l, i) => {
    if (!keys.has(l.personKey))
      error({ reason: 'unknown_person', field: `drivingLicences[${i}].personKey`, key: l.personKey });
    const number = compact(l.number);
    if (!LICENCE.test(number))
      error({ reason: 'invalid_field', field: `drivingLicences[${i}].number`, value: l.number });
    return { personKey: l.personKey, number };
  });
  const vehiclePlates = intake.vehiclePlates.map((v, i) => {
    if (!keys.has(v.personKey))
      error({ reason: 'unknown_person', field: `vehiclePlates[${i}].personKey`, key: v.personKey });
    const plate = compact(v.plate);
    if (!PLATE.test(plate))
      error({ reason: 'invalid_field', field: `vehiclePlates[${i}].plate`, value: v.plate });
    return { personKey: v.personKey, plate };
  });

  const schedule =
    declarationDate !== null && errors.length === 0
      ? residenceSchedule(
          {
            comune: intake.comune,
            declarationDate,
            channel: intake.channel,
            protocolDate: intake.protocolDate,
          },
          { calendar: context.calendar, rules: context.rules },
        )
      : null;
  if (errors.length > 0 || schedule === null) return { ok: false, errors, warnings };
  return { ok: true, value: { schedule, adults, minors, drivingLicences, vehiclePlates }, warnings };
}
