import { rowOn, type DatedRow } from '../calendar/dated-rows';
import type { IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import { cents, euros, ZERO_CENTS, type Cents } from '../money/cents';

/**
 * Permit kinds as dated, per-comune data (DOMAIN.md §5.1-5.3). Amounts and lengths change by
 * council resolution, so they live in rows with `validFrom`/`validTo`, never in code (DOMAIN.md,
 * general advice). A row is either the default for every comune (`comune: '*'`) or one comune's
 * (Belfiore code); a comune's own row for a kind replaces the default row for that kind.
 *
 * Casale's ZTL categories are from its ZTL regulation [V]; their fees and validity lengths are
 * mostly NOT in DOMAIN.md: every such value is marked `uncertain` with a note saying what to
 * check, and must be confirmed against the comune's current resolution before use.
 */

export const PERMIT_KINDS = [
  'ztl_residenti',
  'ztl_domiciliati',
  'ztl_transito',
  'ztl_lavoro',
  'ztl_banche',
  'ztl_medici',
  'ztl_temporaneo',
  'ztl_ecologico',
  'sosta_residenti',
  'cude_permanente',
  'cude_temporaneo',
] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];

export function isPermitKind(value: unknown): value is PermitKind {
  return typeof value === 'string' && (PERMIT_KINDS as readonly string[]).includes(value);
}

export const PERMIT_FAMILIES = ['ztl', 'sosta', 'cude'] as const;
export type PermitFamily = (typeof PERMIT_FAMILIES)[number];

/** The family is part of the kind's identity (its prefix), not of a dated row. */
export function familyOf(kind: PermitKind): PermitFamily {
  return kind.startsWith('ztl_') ? 'ztl' : kind.startsWith('sosta_') ? 'sosta' : 'cude';
}

/** Whether the kind is the 30-minute ticket (times, not dates). */
export const isTemporaryKind = (kind: PermitKind): boolean => kind === 'ztl_temporaneo';

/**
 * How long a permit lasts from its first day.
 * - `months`: the last day is the day before the same date `months` later (2026-04-01 + 24
 *   months → 2028-03-31). `upTo`: the length is a maximum, and a shorter end may be asked
 *   (domicile ending sooner).
 * - `until_date`: as long as a certified condition: the end date comes with the request.
 * - `minutes`: from a start instant (the temporary ticket).
 */
export type ValidityRule =
  | { unit: 'months'; months: number; upTo: boolean }
  | { unit: 'until_date'; maxMonths: number | null }
  | { unit: 'minutes'; minutes: number };

/** A time band of a weekday, 'HH:mm' to 'HH:mm', start included and end excluded. */
export interface TimeBand {
  from: string;
  to: string;
}

/**
 * Tariff of the temporary ticket by the start instant (DOMAIN.md §5.1, 2017 values): cheaper in
 * the loading windows of working weekdays, dearer at other weekday times. DOMAIN.md says nothing
 * about Saturdays, Sundays and public holidays: `weekendCents` is our guess [U].
 */
export interface TimedTariff {
  loadingWindows: readonly TimeBand[];
  loadingWindowCents: Cents;
  otherWeekdayCents: Cents;
  /** Saturday, Sunday and public holidays (national + patron saint) [U] */
  weekendCents: Cents;
}

/** What the request must show; eligibility checks each against the facts. */
export interface PermitRequirements {
  /** resident in a ZTL street (or, for sosta, in the sector asked for) */
  residenceInZone: boolean;
  /** domicile (not residence) in a ZTL street; the permit ends with the domicile */
  domicileInZone: boolean;
  /** "no private parking": no garage, box or courtyard space of one's own */
  noPrivateParking: boolean;
  /** a private garage/box/courtyard space with an authorised passo carraio and civic number */
  garageWithPassoCarraio: boolean;
  /** Chamber of Commerce record (visura camerale) */
  chamberOfCommerce: boolean;
  /** registration in the professional roll (albo dei medici) */
  albo: boolean;
  /** ASL certificate or medical-commission report (health data, §12) */
  aslCertificate: boolean;
  /** the holder is the head of household (capofamiglia / intestatario scheda) */
  headOfHousehold: boolean;
  /** resident in the issuing comune (CUDE is asked at the comune of residence) */
  residentInComune: boolean;
}

/** pagoPA fields for the debt position of the fee (DOMAIN.md §6). */
export interface PermitPagoPa {
  /** the pagoPA taxonomy code (tassonomia dei servizi): not in DOMAIN.md, so null until known */
  taxonomy: string | null;
  /** segregation code of the comune's generation point (aux 3): the comune's own, not reserved */
  segregationCode: string | null;
  uncertain: boolean;
  note: string;
}

export interface PermitKindRow extends DatedRow {
  kind: PermitKind;
  /** Belfiore code, or '*' for the default row of every comune */
  comune: string;
  label: Record<Locale, string>;
  family: PermitFamily;
  validity: ValidityRule;
  /** flat fee for the whole validity; 0 when free. The temporary ticket uses `timedTariff`. */
  feeCents: Cents;
  timedTariff: TimedTariff | null;
  /** how far ahead the start may be, in days (temporary: 10 [V]); null: see eligibility */
  maxDaysAhead: number | null;
  pagoPa: PermitPagoPa;
  /** plates on one permit: 1 ("one permit = one plate"); CUDE 2 (national platform, §5.3) */
  maxPlates: number;
  /** at least one plate: a CUDE is personal and may be issued before plates are named */
  requiresPlate: boolean;
  /** at most one permit of this kind in force per registry household */
  onePerHousehold: boolean;
  /** at most this many permits of this kind in force per household (sosta); null: no cap */
  householdCap: number | null;
  /** whether the permit opens the ZTL gates (whitelist, transits); sosta permits do not */
  opensZtl: boolean;
  requires: PermitRequirements;
  /** some value of this row is [U]/[K] in DOMAIN.md or our own guess: see `note` */
  uncertain: boolean;
  note: string;
}

export const DEFAULT_COMUNE = '*';
export const CASALE = 'B885';

/** Labels shared by the rows and the screen (permit-ui.ts). */
export const PERMIT_KIND_LABELS: Record<PermitKind, Record<Locale, string>> = {
  ztl_residenti: { it: 'ZTL – Residenti', en: 'ZTL – Residents' },
  ztl_domiciliati: { it: 'ZTL – Domiciliati', en: 'ZTL – Domiciled' },
  ztl_transito: { it: 'ZTL – Transito (box o cortile)', en: 'ZTL – Transit (garage or courtyard)' },
  ztl_lavoro: { it: 'ZTL – Lavoro', en: 'ZTL – Work' },
  ztl_banche: { it: 'ZTL – Banche e grandi imprese', en: 'ZTL – Banks and large firms' },
  ztl_medici: { it: 'ZTL – Medici', en: 'ZTL – Doctors' },
  ztl_temporaneo: { it: 'ZTL – Temporaneo (30 minuti)', en: 'ZTL – Temporary (30 minutes)' },
  ztl_ecologico: { it: 'ZTL – Veicoli ecologici', en: 'ZTL – Ecological vehicles' },
  sosta_residenti: { it: 'Sosta residenti', en: 'Resident parking' },
  cude_permanente: {
    it: 'Contrassegno disabili (CUDE) – permanente',
    en: 'Disabled parking card (CUDE) – permanent',
  },
  cude_temporaneo: {
    it: 'Contrassegno disabili (CUDE) – temporaneo',
    en: 'Disabled parking card (CUDE) – temporary',
  },
};

const NO_REQUIREMENTS: PermitRequirements = {
  residenceInZone: false,
  domicileInZone: false,
  noPrivateParking: false,
  garageWithPassoCarraio: false,
  chamberOfCommerce: false,
  albo: false,
  aslCertificate: false,
  headOfHousehold: false,
  residentInComune: false,
};

const PAGOPA_UNKNOWN: PermitPagoPa = {
  taxonomy: null,
  segregationCode: null,
  uncertain: true,
  note: 'DOMAIN.md §6 gives no taxonomy code for permits, and the segregation code is the comune’s own (aux 3, assigned by PagoPA S.p.A., 00-49): set both per comune before generating notices.',
};

const PAGOPA_NONE: PermitPagoPa = {
  taxonomy: null,
  segregationCode: null,
  uncertain: false,
  note: 'free: no debt position',
};

type RowInput = Omit<
  PermitKindRow,
  | 'label'
  | 'family'
  | 'timedTariff'
  | 'maxDaysAhead'
  | 'pagoPa'
  | 'maxPlates'
  | 'requiresPlate'
  | 'onePerHousehold'
  | 'householdCap'
  | 'opensZtl'
  | 'requires'
  | 'validTo'
> &
  Partial<Omit<PermitKindRow, 'requires'>> & { requires?: Partial<PermitRequirements> };

function row(input: RowInput): PermitKindRow {
  const family = familyOf(input.kind);
  return {
    label: PERMIT_KIND_LABELS[input.kind],
    family,
    timedTariff: null,
    maxDaysAhead: null,
    pagoPa: input.feeCents > 0 ? PAGOPA_UNKNOWN : PAGOPA_NONE,
    maxPlates: 1,
    requiresPlate: true,
    onePerHousehold: false,
    householdCap: null,
    opensZtl: family !== 'sosta',
    validTo: null,
    ...input,
    requires: { ...NO_REQUIREMENTS, ...input.requires },
  };
}

/**
 * Casale's ZTL rows start on 2017-01-01: the year of the temporary-ticket amounts DOMAIN.md
 * quotes, the oldest dated value we have. Permits issued earlier are not issued by this app.
 */
const CASALE_ZTL_FROM: IsoDate = '2017-01-01';

export const PERMIT_KIND_ROWS: readonly PermitKindRow[] = [
  // --- Casale Monferrato: the ZTL regulation (DOMAIN.md §5.1) ---
  row({
    kind: 'ztl_residenti',
    comune: CASALE,
    validFrom: CASALE_ZTL_FROM,
    validity: { unit: 'months', months: 24, upTo: false },
    feeCents: ZERO_CENTS,
    onePerHousehold: true,
    requires: { residenceInZone: true, noPrivateParking: true, headOfHousehold: true },
    uncertain: true,
    note: 'Validity 2 years and no fee are our guesses [U]: DOMAIN.md §5.1 gives neither. One per household, head of household, no private parking [V].',
  }),
  row({
    kind: 'ztl_domiciliati',
    comune: CASALE,
    validFrom: CASALE_ZTL_FROM,
    validity: { unit: 'months', months: 36, upTo: true },
    feeCents: ZERO_CENTS,
    requires: { domicileInZone: true, noPrivateParking: true },
    uncertain: true,
    note: 'Up to 3 years [V], never beyond the domicile. No fee is a guess [U].',
  }),
  row({
    kind: 'ztl_transito',
    comune: CASALE,
    validFrom: CASALE_ZTL_FROM,
    validity: { unit: 'months', months: 24, upTo: false },
    feeCents: ZERO_CENTS,
    requires: { garageWithPassoCarraio: true },
    uncertain: true,
    note: 'Access only, to a garage/courtyard with passo carraio [V]. Validity 2 years and no fee are guesses [U].',
  }),
  row({
    kind: 'ztl_lavoro',
    comune: CASALE,
    validFrom: CASALE_ZTL_FROM,
    validity: { unit: 'months', months: 12, upTo: false },
    feeCents: euros(100),
    requires: { chamberOfCommerce: true },
    uncertain: true,
    note: 'Annual fee (canone) [V]; the amount €100.00 is a placeholder [U]: set it from the comune’s tariff resolution.',
  }),
  row({
    kind: 'ztl_banche',
    comune: CASALE,
    validFrom: CASALE_ZTL_FROM,
    validity: { unit: 'months', months: 12, upTo: false },
    feeCents: euros(200),
    requires: { chamberOfCommerce: true },
    uncertain: true,
    note: 'Valid 1 year, with a fee [V]; the amount €200.00 is a placeholder [U]: set it from the comune’s tariff resolution.',
  }),
  row({
    kind: 'ztl_medici',
    comune: CASALE,
    validFrom: CASALE_ZTL_FROM,
    validity: { unit: 'months', months: 12, upTo: false },
    feeCents: ZERO_CENTS,
    requires: { albo: true },
    uncertain: true,
    note: 'Registered doctors, dentists and eye doctors excluded [V] (the clerk checks the specialty on the albo record). Validity 1 year and no fee are guesses [U].',
  }),
  row({
    kind: 'ztl_temporaneo',
    comune: CASALE,
    validFrom: CASALE_ZTL_FROM,
    validity: { unit: 'minutes', minutes: 30 },
    feeCents: ZERO_CENTS,
    timedTariff: {
      loadingWindows: [
        { from: '08:00', to: '11:00' },
        { from: '14:30', to: '16:30' },
      ],
      loadingWindowCents: cents(250),
      otherWeekdayCents: euros(15),
      weekendCents: euros(15),
    },
    maxDaysAhead: 10,
    pagoPa: PAGOPA_UNKNOWN,
    uncertain: true,
    note: '30 min, €2.50 in the loading windows and €15 at other weekday times (2017) [V]; up to 10 days ahead, never retroactive [V]. Weekend and holiday price €15 is our guess [U]; the 2017 amounts may have been updated since.',
  }),
  row({
    kind: 'ztl_ecologico',
    comune: CASALE,
    validFrom: '2012-01-01',
    validity: { unit: 'months', months: 12, upTo: false },
    feeCents: ZERO_CENTS,
    uncertain: true,
    note: 'Free since 2012 but still required [V]. Validity 1 year is a guess: DOMAIN.md marks the current validity [U].',
  }),

  // --- every comune: resident parking (DOMAIN.md §5.2, common practice) ---
  row({
    kind: 'sosta_residenti',
    comune: DEFAULT_COMUNE,
    validFrom: '2000-01-01',
    validity: { unit: 'months', months: 12, upTo: false },
    feeCents: euros(30),
    householdCap: 2,
    requires: { residenceInZone: true, noPrivateParking: true },
    uncertain: true,
    note: 'One permit = one plate, no private parking [V/K]. Household cap 2, validity 1 year and fee €30.00 are placeholders [U]: each comune sets them.',
  }),

  // --- every comune: CUDE (DPR 151/2012; DOMAIN.md §5.3) ---
  row({
    kind: 'cude_permanente',
    comune: DEFAULT_COMUNE,
    validFrom: '2012-09-15',
    validity: { unit: 'months', months: 60, upTo: false },
    feeCents: ZERO_CENTS,
    maxPlates: 2,
    requiresPlate: false,
    requires: { aslCertificate: true, residentInComune: true },
    uncertain: true,
    note: '5 years [V/K], up to 2 plates on the national platform [V]. No fee is our reading [K]: check whether the comune asks for bollo or diritti.',
  }),
  row({
    kind: 'cude_temporaneo',
    comune: DEFAULT_COMUNE,
    validFrom: '2012-09-15',
    validity: { unit: 'until_date', maxMonths: null },
    feeCents: ZERO_CENTS,
    maxPlates: 2,
    requiresPlate: false,
    requires: { aslCertificate: true, residentInComune: true },
    uncertain: true,
    note: 'As long as the certified condition [V]: the end date is required. No fee is our reading [K].',
  }),
];

/** The row of `kind` in force for `comune` on `date`: the comune's own, else the default. */
export function kindRowOn(
  kind: PermitKind,
  comune: string,
  date: IsoDate,
  table: readonly PermitKindRow[] = PERMIT_KIND_ROWS,
): PermitKindRow | null {
  const own = rowOn(table, (r) => r.kind === kind && r.comune === comune, date);
  if (own.ok) return own.row;
  // two rows of the comune in force at once is a table error: never guess between them
  if (own.reason === 'ambiguous') return null;
  // a comune row that has ended (or not begun) falls back to the default: the comune's own
  // values replace the defaults only while they are in force
  const fallback = rowOn(table, (r) => r.kind === kind && r.comune === DEFAULT_COMUNE, date);
  return fallback.ok ? fallback.row : null;
}

/** Every kind `comune` issues on `onDate`, one row per kind, in PERMIT_KINDS order. */
export function kindsFor(
  comune: string,
  onDate: IsoDate,
  table: readonly PermitKindRow[] = PERMIT_KIND_ROWS,
): PermitKindRow[] {
  return PERMIT_KINDS.map((kind) => kindRowOn(kind, comune, onDate, table)).filter(
    (r): r is PermitKindRow => r !== null,
  );
}
