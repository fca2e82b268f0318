import { DUPLICATE_FEE_CENTS } from '../shared/permits/fees';
import type { z } from 'zod';
import type { OpenResidenceInput } from '../shared/contract/case-inputs';
import { addressInputSchema, registryMoverSchema } from '../shared/cases/residence-intake-schema';
import { addressSchema, residentSchema } from '../shared/sync/registry-page';
import type { Household } from '../hub/seed/seed-demo';
import {
  permitDuplicateSchema,
  permitIssueSchema,
  permitRevokeSchema,
  type PermitDuplicate,
  type PermitIssue,
} from '../shared/permits/permit-wire';
import { lastDayAfterMonths } from '../shared/permits/validity';
import { VALID_PIVA, OTHER_PIVA } from '../shared/shops/test-fixtures';
import { shopFilingSchema, type ShopFiling } from '../shared/shops/shop-wire';
import {
  canoneApplySchema,
  canoneCompanyApplicantSchema,
  canoneSiteSchema,
  type CanoneApply,
} from '../shared/canone/canone-wire';
import { caseOpenSchema } from '../shared/cases/case-mutations';
import { schoolChildSchema, schoolPayerSchema, type SchoolEnrol } from '../shared/school/school-wire';
import { addDays } from '../shared/calendar/iso-date';
import {
  assessmentSchema,
  contributoApplySchema,
  requesterSchema,
  sadApplySchema,
  type Assessment,
  type ContributoApply,
  type Requester,
  type SadApply,
} from '../shared/social/social-wire';

/**
 * Records at the edge of what the rules allow: every id and text as long as its schema lets it
 * be. Whatever the hub writes from them must still parse at the desk (wire-contract test); short
 * fixture ids (`r-nicolo`) are why a 73-character history id once reached production unseen.
 */

const maxOf = (s: z.ZodString): number => {
  const n = s.maxLength;
  if (n === null) throw new Error('unbounded text in a wire schema');
  return n;
};

/** `n` characters of realistic text (accented letters included), starting with `start`. */
export function textOfLength(start: string, n: number): string {
  const filler = ' Maria Nicolò Dell’Acqua';
  let s = start;
  while (s.length < n) s += filler;
  return s.slice(0, n).trimEnd().padEnd(n, 'a');
}

const r = residentSchema.shape;
const a = addressSchema.shape;

export const LONGEST_RESIDENT_ID = textOfLength('0193a5c2-7d1e-7c44-9f2b-2c1d5e6f7a8b-', maxOf(r.id)).replace(
  /[^0-9a-z-]/gi,
  'x',
);
export const LONGEST_FAMILY_ID = textOfLength('fam-0193a5c2-7d1e-7c44-9f2b-', maxOf(r.familyId)).replace(
  /[^0-9a-z-]/gi,
  'x',
);
/** a street of the registry, so a declaration may name it (the hub checks the street list) */
export const LONGEST_STREET = textOfLength('Strada Vicinale', maxOf(a.streetName));

export const LONGEST_HOUSEHOLD: Household = {
  family: {
    id: LONGEST_FAMILY_ID,
    comune: 'B885',
    address: {
      streetType: textOfLength('Strada', maxOf(a.streetType)),
      streetName: LONGEST_STREET,
      houseNumber: textOfLength('12', maxOf(a.houseNumber)),
      interior: textOfLength('int. 3', maxOf(a.interior)),
      cap: '15033',
      frazione: textOfLength('San Germano', maxOf(a.frazione)),
    },
    since: '1999-12-31',
  },
  members: [
    {
      id: LONGEST_RESIDENT_ID,
      comune: 'B885',
      codiceFiscale: 'DLLMRA80A41B885X',
      surname: textOfLength('Dell’Acqua', maxOf(r.surname)),
      givenNames: textOfLength('Maria Nicoletta', maxOf(r.givenNames)),
      sex: 'F',
      birthDate: '1980-01-01',
      birthPlaceCode: 'B885',
      birthPlaceName: textOfLength('Casale Monferrato', maxOf(r.birthPlaceName)),
      citizenship: 'IT',
      civilStatus: 'unito_civilmente',
      status: 'resident',
      statusDate: null,
      familyId: LONGEST_FAMILY_ID,
      relationship: 'fratello_sorella',
      registeredOn: '1999-12-31',
    },
  ],
  events: [],
};

const ai = addressInputSchema.shape;
const longInput = (s: z.ZodType, start: string): string => {
  const inner = (s as unknown as { unwrap?: () => z.ZodType }).unwrap?.() ?? s;
  return textOfLength(start, maxOf(inner as z.ZodString));
};

/**
 * A declaration moving the longest registry resident to the longest address the form allows
 * (interior, stair and floor all at their bound), in a new household.
 */
export function longestResidenceIntake(declarationDate: string): OpenResidenceInput {
  const mover = LONGEST_RESIDENT_ID;
  if (mover.length !== maxOf(registryMoverSchema.shape.residentId)) throw new Error('fixture out of date');
  return {
    declarationDate,
    movedOn: null,
    channel: 'counter',
    protocolDate: null,
    origin: { kind: 'same_comune' },
    movers: [{ source: 'registry', residentId: mover, relationship: 'intestatario' }],
    address: {
      streetType: LONGEST_HOUSEHOLD.family.address.streetType,
      streetName: LONGEST_STREET,
      // the longest the house-number rule accepts (5 digits, separator, 6 letters or digits)
      houseNumber: '12345 / BISTER',
      interior: longInput(ai.interior, '3'),
      stair: longInput(ai.stair, 'B'),
      floor: longInput(ai.floor, '2'),
      cap: '15033',
      multiUnitBuilding: true,
    },
    occupation: { kind: 'owner' },
    household: { kind: 'new' },
    drivingLicences: [],
    vehiclePlates: [],
    signatures: [mover],
    representative: null,
    counterSeconds: 540,
    receiptDelivery: 'file',
    documents: [],
  };
}

// --- permits (issue 13): the longest records the permit rules allow ---

const pi = permitIssueSchema.shape;
const pd = permitDuplicateSchema.shape;

/** A 64-character uuid-like id (ids on the wire are ≤ 64), different per `tag`. */
export const longestId = (tag: string): string =>
  textOfLength(`0193a5c2-7d1e-7c44-9f2b-${tag}-`, 64).replace(/[^0-9a-z-]/gi, 'x');

/** Foreign plates are 2-10 letters or digits with an ISO country (plate.ts): the longest form. */
const LONGEST_PLATES = [
  { plate: 'ABCDE12345', country: 'CH' },
  { plate: 'FGHKL67890', country: 'CH' },
];

/**
 * A CUDE for the longest registry resident (the hub writes the holder's name from the registry:
 * surname 120 + given names 120 = 241), with 2 plates of 10 characters and the longest ASL
 * reference; and a work permit for a firm outside the registry with the longest holder name
 * and payment reference. Numbers and keys come from the counter's series.
 */
export function longestPermitIssues(o: {
  today: string;
  at: string;
  numbers: [string, string];
  keys: [string, string];
}): { cude: PermitIssue; firm: PermitIssue } {
  const cude: PermitIssue = {
    permitId: longestId('cude'),
    number: o.numbers[0],
    verificationKey: o.keys[0],
    kind: 'cude_permanente',
    holderId: LONGEST_RESIDENT_ID,
    holderName: 'x',
    householdId: LONGEST_FAMILY_ID,
    plates: LONGEST_PLATES,
    zone: null,
    validFrom: o.today,
    validTo: lastDayAfterMonths(o.today, 60),
    validFromAt: null,
    validToAt: null,
    feeCents: 0,
    paymentRef: null,
    renewsId: null,
    aslRef: longInput(pi.aslRef, 'ASL AL verbale commissione medica'),
    at: o.at,
  };
  const firm: PermitIssue = {
    ...cude,
    permitId: longestId('firm'),
    number: o.numbers[1],
    verificationKey: o.keys[1],
    kind: 'ztl_lavoro',
    holderId: null,
    holderName: longInput(pi.holderName, 'Impianti Termoidraulici Dell’Acqua'),
    householdId: null,
    plates: [LONGEST_PLATES[0] ?? { plate: 'ABCDE12345', country: 'CH' }],
    validTo: lastDayAfterMonths(o.today, 12),
    feeCents: 10_000,
    // a pagoPA notice's IUV: the longest reference the hub accepts for a fee not taken in cash
    paymentRef: '01000000000000001',
    aslRef: null,
  };
  return { cude, firm };
}

/** The longest reason a revocation carries (300 characters). */
export const longestRevocationReason = (): string =>
  longInput(permitRevokeSchema.shape.reason, 'Revoca per trasferimento di residenza fuori zona');

/** A duplicate for theft with the longest police report reference and payment reference. */
export function longestPermitDuplicate(o: {
  permitId: string;
  number: string;
  key: string;
  at: string;
}): PermitDuplicate {
  return {
    permitId: o.permitId,
    newPermitId: longestId('dup'),
    number: o.number,
    verificationKey: o.key,
    cause: 'theft',
    reportRef: longInput(pd.reportRef, 'Denuncia Carabinieri Casale Monferrato'),
    feeCents: DUPLICATE_FEE_CENTS,
    paymentRef: null,
    at: o.at,
  };
}

// --- shops (issue 14): the longest filing the shop rules allow ---

const sf = shopFilingSchema.shape;

/**
 * An opening at the largest vicinato sales area of Casale (250 m²), food (SCIA unica), on the
 * registry's longest street, every text as long as its schema allows; and a takeover of it with
 * the longest previous holder and deed (the register's history note is then at its 400 bound).
 */
export function longestShopFilings(today: string): { opening: ShopFiling; takeover: ShopFiling } {
  const company = sf.company.shape;
  const declarant = sf.declarant.shape;
  const opening: ShopFiling = {
    event: 'apertura',
    effectiveDate: today,
    declarant: {
      surname: textOfLength('Dell’Acqua', maxOf(declarant.surname)),
      givenNames: textOfLength('Maria Nicolò', maxOf(declarant.givenNames)),
      codiceFiscale: 'DLLMRA70A41B885X',
      role: 'legale_rappresentante',
    },
    company: {
      name: textOfLength('Antica Drogheria', maxOf(company.name)),
      partitaIva: VALID_PIVA,
      rea: textOfLength('AL-', maxOf(company.rea)),
      pec: textOfLength('drogheria@pec.', maxOf(company.pec)),
    },
    signName: textOfLength('Drogheria', maxOf(sf.signName)),
    premises: {
      streetType: LONGEST_HOUSEHOLD.family.address.streetType,
      streetName: LONGEST_STREET,
      houseNumber: textOfLength('12', maxOf(sf.premises.shape.houseNumber)),
      salesAreaM2: 250,
      totalAreaM2: 99_999.99,
    },
    sector: 'alimentare',
    requirements: {
      moral: true,
      professional: true,
      preposto: textOfLength('Bianchi Anna', maxOf(sf.requirements.shape.preposto.unwrap())),
      antimafia: true,
    },
    takeover: null,
    suspendedUntil: null,
  };
  const takeover: ShopFiling = {
    ...opening,
    event: 'subingresso',
    company: {
      ...opening.company,
      name: textOfLength('Nuova Drogheria', maxOf(company.name)),
      partitaIva: OTHER_PIVA,
    },
    takeover: {
      previousHolder: textOfLength('Antica Drogheria', maxOf(sf.takeover.unwrap().shape.previousHolder)),
      deed: textOfLength('Notaio Bianchi, rep. 12345', maxOf(sf.takeover.unwrap().shape.deed)),
    },
  };
  return { opening, takeover };
}

// --- canone unico (issue 14): the longest application the canone rules allow ---

const cw = canoneCompanyApplicantSchema.shape;
const co = caseOpenSchema.shape;

/**
 * A firm's advertising installation on the longest registry street (in a frazione: zone 3), for
 * the longest temporary period with hours (365 days, hourly fractions: Casale allows them), the
 * largest surface the rules accept, every text at its bound, a company with a separate codice
 * fiscale and the longest PEC; it affects traffic (a police request at approval).
 */
export function longestCanoneApplication(o: { today: string; at: string }): CanoneApply {
  return {
    applicationId: longestId('canone'),
    case: {
      caseId: longestId('canone-case'),
      eventId: longestId('canone-open'),
      at: o.at,
      procedureCode: 'esposizione_pubblicitaria',
      applicantId: null,
      applicantName: textOfLength('Impianti Pubblicitari Dell’Acqua', maxOf(co.applicantName)),
      subject: textOfLength('Esposizione pubblicitaria: impianto luminoso', maxOf(co.subject)),
      counterSeconds: 86_400,
      receiptDelivery: 'file',
      documents: ['application', 'sketch', 'photos', 'owner_consent'],
      residence: null,
    },
    applicant: {
      kind: 'company',
      // 7 digits, the office code of Alessandria (006), the check digit
      partitaIva: '12345670066',
      name: textOfLength('Impianti Pubblicitari Dell’Acqua', maxOf(cw.name)),
      codiceFiscale: 'RSSMRA72L09H501S',
      seat: textOfLength('Strada Vicinale', maxOf(cw.seat)),
      pec: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.it`,
    },
    site: {
      streetType: LONGEST_HOUSEHOLD.family.address.streetType,
      streetName: LONGEST_STREET,
      civic: textOfLength('12', maxOf(canoneSiteSchema.shape.civic)),
    },
    purpose: textOfLength(
      'Impianto pubblicitario luminoso bifacciale',
      maxOf(canoneApplySchema.shape.purpose),
    ),
    category: 'impianto_pubblicitario',
    regime: 'temporary',
    measure: 9_999.99,
    start: o.today,
    end: addDays(o.today, 364),
    hours: { from: '00:00', to: '23:59' },
    ownSign: false,
    trafficAffected: true,
    quotedFeeCents: 100_000_000_000,
  };
}

// --- social services (issue 15): the longest applications the social rules allow ---

const rq = requesterSchema.shape;

/** A support administrator with every text at its bound (a decree is required for the role). */
const longestRequester = (): Requester => ({
  role: 'amministratore_sostegno',
  // outside the registry: the typed name is kept (a registry person is named by the hub's registry)
  personId: null,
  surname: textOfLength('Dell’Acqua', maxOf(rq.surname)),
  givenNames: textOfLength('Maria Nicolò', maxOf(rq.givenNames)),
  codiceFiscale: 'DLLMRA70A41B885K',
  decree: textOfLength('Tribunale di Vercelli, decreto di nomina n. 1234/2026', maxOf(rq.decree.unwrap())),
});

const longestCase = (tag: string, procedureCode: string, at: string) => ({
  caseId: longestId(`${tag}-case`),
  eventId: longestId(`${tag}-open`),
  at,
  procedureCode,
  applicantId: LONGEST_RESIDENT_ID,
  applicantName: textOfLength('Dell’Acqua Maria Nicolò', maxOf(co.applicantName)),
  subject: textOfLength('Servizi sociali', maxOf(co.subject)),
  counterSeconds: 86_400,
  receiptDelivery: 'file' as const,
  documents: ['application', 'isee', 'decree', 'invalidity_report'],
  residence: null,
});

const ca = contributoApplySchema.shape;

/** A contributo for the longest resident, the highest ISEE the engine takes, the longest texts. */
export function longestContributoApplication(at: string): ContributoApply {
  return {
    contributoId: longestId('contributo'),
    at,
    beneficiaryId: LONGEST_RESIDENT_ID,
    requester: longestRequester(),
    isee: {
      type: 'sociosanitario',
      valueCents: 1_000_000_000,
      dsuProtocol: 'INPS-ISEE-2026-000012345-00',
      issuedOn: '2026-01-02',
      expiresOn: '2026-12-31',
    },
    disability: { invalidityPct: 100, l104: 'art3c3', accompanyingAllowance: true },
    iban: 'IT60 X054 2811 1010 0000 0123 456',
    need: 'disabilita',
    needNote: textOfLength('Spese per assistenza continuativa', maxOf(ca.needNote)),
    case: longestCase('contributo', 'contributo_economico', at),
  };
}

/** The assessment at its bounds: the longest texts, the monthly ceiling, a twelve-month project. */
export function longestAssessment(o: { at: string; today: string }): Assessment {
  const s = assessmentSchema.shape;
  const start = o.today;
  const end = `${Number(start.slice(0, 4)) + 1}-${start.slice(5, 7)}-01`;
  return {
    contributoId: longestId('contributo'),
    at: o.at,
    assessment: textOfLength('Valutazione sociale', maxOf(s.assessment)),
    project: textOfLength('Progetto individuale', maxOf(s.project)),
    amountCents: 200_000,
    frequency: 'monthly',
    startOn: start,
    endOn: addDays(end, -1),
  };
}

/** A SAD application for the longest resident, every text at its bound. */
export function longestSadApplication(at: string): SadApply {
  return {
    sadId: longestId('sad'),
    at,
    beneficiaryId: LONGEST_RESIDENT_ID,
    requester: longestRequester(),
    isee: null,
    disability: { invalidityPct: 100, l104: 'art3c3', accompanyingAllowance: true },
    needNote: textOfLength('Aiuto quotidiano', maxOf(sadApplySchema.shape.needNote)),
    case: longestCase('sad', 'assistenza_domiciliare', at),
  };
}

// --- school services (issue 15): the longest canteen enrolment the school rules allow ---

const sc = schoolChildSchema.shape;
const sp = schoolPayerSchema.shape;

/**
 * A canteen enrolment at the bounds: a child entered by hand with names at their bound, the
 * longest registry resident as payer (the hub takes the registry's names), the longest address,
 * class, diet code and DSU protocol.
 */
export function longestSchoolEnrolment(o: { at: string }): SchoolEnrol {
  return {
    enrolmentId: longestId('school'),
    schoolYear: '2026/27',
    service: 'mensa',
    child: {
      residentId: null,
      // born 10 March 2017 in Casale: primary school in 2026/27
      codiceFiscale: 'DLLNCL17C50B885G',
      surname: textOfLength('Dell’Acqua', maxOf(sc.surname)),
      givenNames: textOfLength('Nicoletta Maria', maxOf(sc.givenNames)),
      birthDate: '2017-03-10',
      resident: false,
    },
    payer: {
      residentId: LONGEST_RESIDENT_ID,
      codiceFiscale: 'DLLMRA80A41B885X',
      name: textOfLength('Dell’Acqua Maria', maxOf(sp.name)),
      address: textOfLength('Strada Vicinale', maxOf(sp.address)),
    },
    school: { code: 'ALEE80001', className: textOfLength('3A tempo pieno', 20) },
    level: 'primaria',
    transport: null,
    diet: { needed: true, code: 'senza_carne_suina' },
    isee: {
      type: 'sociosanitario',
      valueCents: 1_000_000_000,
      dsuProtocol: 'INPS-ISEE-2026-ABCDEFGHIJ12345-Z9',
      issuedOn: '2026-01-01',
      expiresOn: '2026-12-31',
    },
    startMonth: '2026-09',
    quotedUnitPriceCents: 100_000_000,
    quotedSiblingRank: 20,
    at: o.at,
  };
}
