import { compareIsoDates, isWithin, type IsoDate } from '../calendar/iso-date';
import type { SourceStatus } from '../fines/tariffs';
import type { Locale } from '../i18n/locale';
import { caseFail, type CaseResult } from './case-errors';

/**
 * The catalogue of administrative procedures (DOMAIN.md §9.2: "procedure type → catalogue
 * with legal basis, max days, whether silence means consent"), per comune and versioned: each
 * row has validity dates, because terms are set by law or by the comune's regulation and both
 * change. A row with `comune: null` is the national default (the procedure is governed by
 * national law alone); a row for a comune replaces it there for the same code and date.
 *
 * The version that applies to a case is the one in force on the day the case is opened; the
 * case keeps a copy of it (case-model.ts), so a later version never changes a running case.
 *
 * Status labels follow DOMAIN.md: V found in a source, K background knowledge to verify,
 * U uncertain (a parameter for the comune to confirm, not a constant).
 */

/** L. 241/1990 art. 2 c.2: with no other term set, a procedure ends within 30 days. */
export const DEFAULT_MAX_DAYS = 30;

/**
 * Terms above 180 days need a law, not a regulation (art. 2 c.3-4: up to 90 days by
 * regulation, up to 180 for particularly complex cases). A row beyond this is a table error.
 */
export const MAX_REGULATION_DAYS = 180;

export interface SuspensionRules {
  /** art. 2 c.7: the term may be suspended for information only once … */
  informationRequests: number;
  /** … for at most 30 days */
  informationRequestMaxDays: number;
  /** art. 10-bis: days for written observations, from receipt of the notice */
  refusalObservationDays: number;
  /** art. 10-bis (DL 76/2020): the term restarts this many days after the observations */
  refusalRestartDelayDays: number;
}

/**
 * L. 241/1990 as amended by DL 76/2020 art. 12 (conv. L. 120/2020), in force from
 * 17 July 2020: the notice of art. 10-bis SUSPENDS the term (before, it interrupted it, and the
 * whole term ran again from the observations). Rows therefore start no earlier than that day:
 * cases started before it follow the old rule, which is not modelled.
 */
export const L241_SUSPENSION_RULES: SuspensionRules = {
  informationRequests: 1,
  informationRequestMaxDays: 30,
  refusalObservationDays: 10,
  refusalRestartDelayDays: 10,
};
export const DL_76_2020_IN_FORCE: IsoDate = '2020-07-17';

/**
 * Until when the applicant may withdraw (rinuncia) the application. No article of
 * L. 241/1990 regulates withdrawal: it follows from the application being the applicant's
 * own act (procedures "ad istanza di parte"), and common practice accepts it in writing until
 * the final act; the procedure then ends with a note of archiving. A comune may restrict it
 * where the first steps already produce effects (residence: registration within 2 days).
 * - until_decision: from draft to proposed outcome (not after the final act);
 * - until_taken_in_charge: only before an officer takes the case (draft, submitted, registered).
 */
export type WithdrawalRule = 'until_decision' | 'until_taken_in_charge';

export interface RequiredDocument {
  id: string;
  label: Record<Locale, string>;
  /** when the document is needed, if not always */
  when: Record<Locale, string> | null;
  status: SourceStatus;
}

export interface Office {
  code: string;
  name: Record<Locale, string>;
}

export interface ProcedureDefinition {
  /** stable key shared by all versions (snake_case) */
  code: string;
  /** Belfiore code, or null for the national default */
  comune: string | null;
  validFrom: IsoDate;
  /** last day in force (inclusive); null while in force */
  validTo: IsoDate | null;
  title: Record<Locale, string>;
  legalBasis: string;
  /** calendar days from receipt to the final act (art. 2); default 30 */
  maxDays: number;
  /** art. 20: the application is granted if no act (or refusal notice) comes within the term */
  silenceMeansConsent: boolean;
  /** days after which silence is consent; null when silence is not consent */
  silenceDays: number | null;
  requiredDocuments: readonly RequiredDocument[];
  /** four-eyes: the final act needs someone other than the proposer */
  needsSecondApproval: boolean;
  office: Office;
  /**
   * art. 10-bis applies (procedures on application, except competitive procedures and social
   * security ones handled by the social security bodies): a refusal needs the notice first
   */
  refusalNoticeApplies: boolean;
  withdrawal: WithdrawalRule;
  suspension: SuspensionRules;
  /** how sure the values are (DOMAIN.md labels) */
  confidence: { maxDays: SourceStatus; silence: SourceStatus; secondApproval: SourceStatus };
  note: string | null;
}

const ANAGRAFE: Office = { code: 'anagrafe', name: { it: 'Ufficio Anagrafe', en: 'Registry office' } };
const SERVIZI_SOCIALI: Office = {
  code: 'servizi_sociali',
  name: { it: 'Servizi sociali', en: 'Social services' },
};
const SUOLO_PUBBLICO: Office = {
  code: 'suolo_pubblico',
  name: { it: 'Ufficio occupazione suolo pubblico', en: 'Public land occupation office' },
};

const SUAP: Office = {
  code: 'suap',
  name: { it: 'SUAP – Sportello unico attività produttive', en: 'SUAP – one-stop shop for businesses' },
};

const doc = (
  id: string,
  it: string,
  en: string,
  status: SourceStatus,
  when: Record<Locale, string> | null = null,
): RequiredDocument => ({ id, label: { it, en }, when, status });

const ID_DOCUMENT = doc('id_document', "Documento d'identità", 'Identity document', 'V');
const ISEE = doc(
  'isee',
  'Attestazione ISEE in corso di validità (tipo, valore, protocollo DSU, scadenza)',
  'Valid ISEE statement (type, value, DSU protocol, expiry)',
  'V',
);
const GUARDIAN_DECREE = doc(
  'guardian_decree',
  'Decreto di nomina di tutore, curatore o amministratore di sostegno',
  'Appointment decree of the guardian, curator or support administrator',
  'V',
  { it: 'se la domanda è presentata da loro', en: 'when they file the application' },
);
const INVALIDITY = doc(
  'invalidity_report',
  'Verbale di invalidità civile e/o di L. 104/1992',
  'Civil invalidity and/or L. 104/1992 report',
  'V',
  { it: 'se ricorre', en: 'when applicable' },
);

type Row = Omit<
  ProcedureDefinition,
  | 'maxDays'
  | 'silenceMeansConsent'
  | 'silenceDays'
  | 'needsSecondApproval'
  | 'refusalNoticeApplies'
  | 'withdrawal'
  | 'suspension'
  | 'validTo'
  | 'note'
> &
  Partial<ProcedureDefinition>;

/** A row with the defaults of L. 241/1990: 30 days, no silence-assent, art. 10-bis applies. */
export function defineProcedure(row: Row): ProcedureDefinition {
  return {
    maxDays: DEFAULT_MAX_DAYS,
    silenceMeansConsent: false,
    silenceDays: null,
    needsSecondApproval: false,
    refusalNoticeApplies: true,
    withdrawal: 'until_decision',
    suspension: L241_SUSPENSION_RULES,
    validTo: null,
    note: null,
    ...row,
  };
}

/** The occupation concession's documents (DOMAIN.md §5.4 "concession data"). */
const OCCUPATION_DOCUMENTS: readonly RequiredDocument[] = [
  doc(
    'application',
    'Domanda in bollo (richiedente, CF o P.IVA, luogo, zona, scopo, m² o metri lineari, inizio e fine, orari)',
    'Application with revenue stamp (applicant, CF or VAT no., place, zone, purpose, m² or linear metres, start and end, hours)',
    'V',
  ),
  doc('plan', 'Planimetria', 'Site plan', 'V'),
  doc('photos', 'Fotografie del luogo', 'Photographs of the place', 'V'),
  doc('traffic_ordinance', 'Richiesta di ordinanza di viabilità', 'Request for a traffic ordinance', 'V', {
    it: "se l'occupazione interessa la circolazione",
    en: 'when the occupation affects traffic',
  }),
];

/** The advertising authorisation's documents [K]: what comuni's forms commonly ask. */
const ADVERTISING_DOCUMENTS: readonly RequiredDocument[] = [
  doc(
    'application',
    'Domanda in bollo (richiedente, CF o P.IVA, luogo, tipo di mezzo pubblicitario, superficie, inizio e fine)',
    'Application with revenue stamp (applicant, CF or VAT no., place, kind of advertising medium, surface, start and end)',
    'K',
  ),
  doc(
    'sketch',
    'Bozzetto del mezzo pubblicitario con misure e colori',
    'Sketch of the medium with sizes and colours',
    'K',
  ),
  doc(
    'photos',
    'Fotografie del luogo con il mezzo simulato',
    'Photographs of the place with the medium simulated',
    'K',
  ),
  doc('owner_consent', 'Assenso del proprietario dell’immobile', 'Consent of the building’s owner', 'K', {
    it: 'se il mezzo è su un immobile altrui',
    en: 'when the medium is on someone else’s building',
  }),
];

/** The same canone procedures for each partner comune (DOMAIN.md §7.8; those the demo hub serves). */
const CANONE_PARTNER_COMUNI = ['A605', 'B037', 'D780', 'G204', 'F995', 'G858'] as const;

/**
 * Authorisation to display advertising (canone unico, L. 160/2019 c.819 lett. b): signs, boards,
 * banners. No term in DOMAIN.md: the default of art. 2 c.2 [U].
 */
function advertisingProcedure(comune: string): ProcedureDefinition {
  return defineProcedure({
    code: 'esposizione_pubblicitaria',
    comune,
    validFrom: '2021-01-01',
    title: {
      it: 'Autorizzazione all’esposizione pubblicitaria (insegne, cartelli, striscioni)',
      en: 'Authorisation to display advertising (signs, boards, banners)',
    },
    legalBasis:
      'L. 160/2019 art. 1 c.816-847 (c.833: insegna di esercizio fino a 5 m²); D.Lgs. 285/1992 art. 23; regolamento comunale del canone unico; L. 241/1990 art. 2',
    maxDays: DEFAULT_MAX_DAYS,
    requiredDocuments: ADVERTISING_DOCUMENTS,
    office: SUOLO_PUBBLICO,
    confidence: { maxDays: 'U', silence: 'U', secondApproval: 'U' },
  });
}

/** Occupation of public land in a partner comune: the same rules as Casale's row [U]. */
function occupationProcedure(comune: string): ProcedureDefinition {
  return defineProcedure({
    code: 'occupazione_suolo_pubblico',
    comune,
    validFrom: '2021-01-01',
    title: { it: 'Concessione di occupazione di suolo pubblico', en: 'Concession to occupy public land' },
    legalBasis: 'L. 160/2019 art. 1 c.816-847; regolamento comunale del canone unico; L. 241/1990 art. 2',
    maxDays: DEFAULT_MAX_DAYS,
    requiredDocuments: OCCUPATION_DOCUMENTS,
    office: SUOLO_PUBBLICO,
    confidence: { maxDays: 'U', silence: 'U', secondApproval: 'U' },
  });
}

export const PROCEDURE_CATALOGUE: readonly ProcedureDefinition[] = [
  defineProcedure({
    // DOMAIN.md §3. National law: the same in every comune, hence comune null.
    code: 'cambio_residenza',
    comune: null,
    validFrom: DL_76_2020_IN_FORCE, // "in tempo reale" since 9 May 2012; see L241_SUSPENSION_RULES
    title: {
      it: 'Dichiarazione di residenza (cambio di residenza in tempo reale)',
      en: 'Declaration of residence (real-time change of residence)',
    },
    legalBasis:
      'DL 5/2012 art. 5 (conv. L. 35/2012); DPR 223/1989 artt. 13, 18-19; DL 47/2014 art. 5; L. 241/1990 artt. 10-bis, 20',
    // registration within 2 working days (change-of-residence.ts); checks, and the notice of
    // grounds for refusal, within 45 days of the declaration, after which silence is consent [V]
    maxDays: 45,
    silenceMeansConsent: true,
    silenceDays: 45,
    requiredDocuments: [
      doc(
        'id_documents',
        "Documento d'identità di ogni persona che si trasferisce (copia se la dichiarazione non è resa allo sportello)",
        'Identity document of every person moving (a copy when not declared at the counter)',
        'V',
      ),
      doc(
        'occupation_title',
        "Titolo di occupazione dell'alloggio: atto di proprietà, contratto di locazione registrato, comodato, o dichiarazione del titolo",
        'Title to occupy the dwelling: deed, registered lease, comodato, or a declaration of the title',
        'V',
      ),
      doc('residence_permit', 'Permesso di soggiorno', 'Residence permit', 'K', {
        it: 'cittadini non UE (D.Lgs. 286/1998 artt. 5-6)',
        en: 'non-EU citizens (D.Lgs. 286/1998 arts. 5-6)',
      }),
    ],
    // no second approval by law: the registrar (ufficiale d'anagrafe) decides alone [U]
    needsSecondApproval: false,
    office: ANAGRAFE,
    // after registration in the anagrafe, a change of mind is a new declaration [U]
    withdrawal: 'until_taken_in_charge',
    confidence: { maxDays: 'V', silence: 'V', secondApproval: 'U' },
    note: 'The 45 days run from the declaration (DOMAIN.md §3); one source counts them from the registration [U].',
  }),
  defineProcedure({
    // DOMAIN.md §5.4: canone unico patrimoniale (L. 160/2019 c.816-847) from 2021.
    code: 'occupazione_suolo_pubblico',
    comune: 'B885',
    validFrom: '2021-01-01',
    title: {
      it: 'Concessione di occupazione di suolo pubblico',
      en: 'Concession to occupy public land',
    },
    legalBasis: 'L. 160/2019 art. 1 c.816-847; regolamento comunale del canone unico; L. 241/1990 art. 2',
    // DOMAIN.md gives no term: the default of art. 2 c.2 until Casale's regulation is checked [U]
    maxDays: DEFAULT_MAX_DAYS,
    requiredDocuments: OCCUPATION_DOCUMENTS,
    needsSecondApproval: false,
    office: SUOLO_PUBBLICO,
    confidence: { maxDays: 'U', silence: 'U', secondApproval: 'U' },
    note: 'Bollo (often €16 on the application and €16 on the concession) and the fee belong to the tariff tables, not here.',
  }),
  defineProcedure({
    // DOMAIN.md §10.2. 60 days is Manta's published term [V there]; Casale's is not known [U].
    code: 'contributo_economico',
    comune: 'B885',
    validFrom: DL_76_2020_IN_FORCE,
    title: { it: 'Contributo economico di assistenza', en: 'Economic assistance contribution' },
    legalBasis: 'L. 328/2000; regolamento comunale (o del consorzio) dei servizi sociali; L. 241/1990 art. 2',
    maxDays: 60,
    requiredDocuments: [
      ID_DOCUMENT,
      ISEE,
      doc('iban', 'IBAN per l’accredito', 'IBAN for the payment', 'V'),
      GUARDIAN_DECREE,
      INVALIDITY,
    ],
    // money paid out: the act is adopted by someone other than the proposer (our choice) [U]
    needsSecondApproval: true,
    office: SERVIZI_SOCIALI,
    confidence: { maxDays: 'U', silence: 'K/U', secondApproval: 'U' },
    note: 'In Piedmont social assistance is often run by a consortium of comuni: which body serves Casale is open (DOMAIN.md §10.2 [U]).',
  }),
  defineProcedure({
    // DOMAIN.md §10.3: SAD, 30 days (Cassano d'Adda, Ranica) [V there; U for Casale].
    code: 'assistenza_domiciliare',
    comune: 'B885',
    validFrom: DL_76_2020_IN_FORCE,
    title: { it: 'Servizio di assistenza domiciliare (SAD)', en: 'Home care service (SAD)' },
    legalBasis: 'L. 328/2000 art. 6; L. 241/1990 art. 2',
    maxDays: 30,
    requiredDocuments: [
      ID_DOCUMENT,
      doc(
        'isee_sociosanitario',
        'Attestazione ISEE (ordinario o socio-sanitario, nucleo ristretto)',
        'ISEE statement (ordinary or socio-sanitary, restricted household)',
        'V',
      ),
      doc('medical_documents', 'Documentazione sanitaria', 'Medical documents', 'V'),
      INVALIDITY,
      GUARDIAN_DECREE,
    ],
    needsSecondApproval: false,
    office: SERVIZI_SOCIALI,
    confidence: { maxDays: 'U', silence: 'K/U', secondApproval: 'U' },
  }),
  defineProcedure({
    // DOMAIN.md §10.2 "duty to report changes that stop payment": opened by the hub itself when
    // the registry records the death or emigration of a beneficiary (hub/social), for the social
    // worker to close the file (sums paid after the date, the household). Term: the default [U].
    code: 'revisione_fascicolo_sociale',
    comune: 'B885',
    validFrom: DL_76_2020_IN_FORCE,
    title: {
      it: 'Revisione del fascicolo sociale (decesso o emigrazione)',
      en: 'Review of a social file (death or emigration)',
    },
    legalBasis: 'L. 328/2000; regolamento comunale dei servizi sociali; L. 241/1990 art. 2',
    maxDays: DEFAULT_MAX_DAYS,
    requiredDocuments: [],
    // opened ex officio: no application to refuse, so no notice under art. 10-bis
    refusalNoticeApplies: false,
    needsSecondApproval: false,
    office: SERVIZI_SOCIALI,
    confidence: { maxDays: 'U', silence: 'U', secondApproval: 'U' },
    note: 'Opened by the hub from the registry, never at a counter.',
  }),
  defineProcedure({
    // DOMAIN.md §11.2, §9.1: a SCIA takes effect on filing; the SUAP checks it within 60 days
    // (art. 19 c.3) and may forbid continuation or give at least 30 days to conform. National
    // law: the same in every comune.
    code: 'scia_vicinato',
    comune: null,
    validFrom: DL_76_2020_IN_FORCE,
    title: {
      it: 'SCIA commercio di vicinato (verifica dei requisiti)',
      en: 'SCIA for a neighbourhood shop (check of the requirements)',
    },
    legalBasis:
      'L. 241/1990 art. 19; D.Lgs. 114/1998 artt. 4, 7; D.Lgs. 222/2016 Tabella A; D.Lgs. 59/2010 art. 71',
    maxDays: 60,
    requiredDocuments: [
      ID_DOCUMENT,
      doc(
        'plan',
        'Planimetria dei locali con la superficie di vendita',
        'Plan of the premises with the sales area',
        'V',
      ),
      doc(
        'health_notification',
        'Notifica sanitaria (Reg. CE 852/2004) per l’ASL',
        'Health notification (Reg. EC 852/2004) for the ASL',
        'V',
        {
          it: 'settore alimentare (SCIA unica)',
          en: 'food sector (SCIA unica)',
        },
      ),
      doc('fee_receipts', 'Ricevute dei diritti pagati', 'Receipts of the fees paid', 'V'),
    ],
    // the divieto di prosecuzione is not the refusal of an application: art. 10-bis does not apply
    refusalNoticeApplies: false,
    needsSecondApproval: false,
    office: SUAP,
    withdrawal: 'until_taken_in_charge',
    confidence: { maxDays: 'V', silence: 'V', secondApproval: 'U' },
    note: 'Outcomes: conforme (approve), divieto di prosecuzione (reject), invito a conformare (≥ 30 days, a note; the check stays open).',
  }),
  defineProcedure({
    // DOMAIN.md §11.2: subingresso and cessazione (and sospensione/ripresa in Piedmont [U]) are
    // comunicazioni: effective on filing; the case is registered and closed at once.
    code: 'comunicazione_vicinato',
    comune: null,
    validFrom: DL_76_2020_IN_FORCE,
    title: { it: 'Comunicazione commercio di vicinato', en: 'Notice for a neighbourhood shop' },
    legalBasis: 'D.Lgs. 114/1998 artt. 7, 26; D.Lgs. 222/2016 Tabella A',
    maxDays: DEFAULT_MAX_DAYS,
    requiredDocuments: [ID_DOCUMENT],
    refusalNoticeApplies: false,
    needsSecondApproval: false,
    office: SUAP,
    confidence: { maxDays: 'U', silence: 'U', secondApproval: 'U' },
  }),
  advertisingProcedure('B885'),
  ...CANONE_PARTNER_COMUNI.flatMap((c) => [occupationProcedure(c), advertisingProcedure(c)]),
];

/**
 * The version of procedure `code` in force for `comune` on `date`: the comune's own row, or
 * else the national one. Two rows in force for the same comune and day is a table error.
 */
export function procedureOn(
  code: string,
  comune: string,
  date: IsoDate,
  catalogue: readonly ProcedureDefinition[] = PROCEDURE_CATALOGUE,
): CaseResult<ProcedureDefinition> {
  const rows = catalogue.filter((p) => p.code === code && (p.comune === comune || p.comune === null));
  if (rows.length === 0) return caseFail({ reason: 'unknown_procedure', code, comune });
  const inForce = rows.filter((p) => isWithin(date, p.validFrom, p.validTo));
  const own = inForce.filter((p) => p.comune === comune);
  const candidates = own.length > 0 ? own : inForce;
  const [procedure, ...others] = candidates;
  if (!procedure) return caseFail({ reason: 'no_procedure_on_date', code, comune, date });
  if (others.length > 0) return caseFail({ reason: 'ambiguous_procedure', code, comune, date });
  return { ok: true, value: procedure };
}

/** Every procedure a comune offers on `date` (its own rows replacing national ones), by code. */
export function proceduresFor(
  comune: string,
  date: IsoDate,
  catalogue: readonly ProcedureDefinition[] = PROCEDURE_CATALOGUE,
): ProcedureDefinition[] {
  const codes = [
    ...new Set(catalogue.filter((p) => p.comune === comune || p.comune === null).map((p) => p.code)),
  ];
  return codes
    .sort()
    .map((code) => procedureOn(code, comune, date, catalogue))
    .flatMap((r) => (r.ok ? [r.value] : []));
}

/** Problems in a catalogue (e.g. one loaded from configuration): one string each. */
export function checkCatalogue(catalogue: readonly ProcedureDefinition[]): string[] {
  const problems: string[] = [];
  catalogue.forEach((p, i) => {
    const name = `${p.code}@${p.comune ?? 'national'} from ${p.validFrom}`;
    if (!/^[a-z][a-z0-9_]*$/.test(p.code)) problems.push(`${name}: code must be snake_case`);
    if (p.validTo !== null && compareIsoDates(p.validFrom, p.validTo) > 0) {
      problems.push(`${name}: validFrom after validTo`);
    }
    if (!Number.isInteger(p.maxDays) || p.maxDays < 1 || p.maxDays > MAX_REGULATION_DAYS) {
      problems.push(`${name}: maxDays must be a whole number from 1 to ${MAX_REGULATION_DAYS}`);
    }
    if (p.silenceMeansConsent) {
      if (p.silenceDays === null || !Number.isInteger(p.silenceDays) || p.silenceDays < 1) {
        problems.push(`${name}: silence-assent needs silenceDays ≥ 1`);
      } else if (p.silenceDays > p.maxDays) {
        problems.push(`${name}: silenceDays beyond maxDays`);
      }
    } else if (p.silenceDays !== null) {
      problems.push(`${name}: silenceDays set but silence is not consent`);
    }
    const s = p.suspension;
    if (s.informationRequests < 0 || s.informationRequestMaxDays < 0) {
      problems.push(`${name}: negative suspension limits`);
    }
    if (s.informationRequests > 1 || s.informationRequestMaxDays > 30) {
      problems.push(`${name}: L. 241/1990 art. 2 c.7 allows one suspension of at most 30 days`);
    }
    if (p.title.it.trim() === '' || p.title.en.trim() === '') problems.push(`${name}: title missing`);
    if (p.legalBasis.trim() === '') problems.push(`${name}: legal basis missing`);
    const ids = p.requiredDocuments.map((d) => d.id);
    if (new Set(ids).size !== ids.length) problems.push(`${name}: duplicate document ids`);
    for (const other of catalogue.slice(i + 1)) {
      if (other.code !== p.code || other.comune !== p.comune) continue;
      const overlaps =
        (p.validTo === null || compareIsoDates(other.validFrom, p.validTo) <= 0) &&
        (other.validTo === null || compareIsoDates(p.validFrom, other.validTo) <= 0);
      if (overlaps) problems.push(`${name}: overlaps the row from ${other.validFrom}`);
    }
  });
  return problems;
}
