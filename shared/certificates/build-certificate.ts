import { compareIsoDates, isIsoDate, isWithin, type IsoDate } from '../calendar/iso-date';
import { formatDate } from '../i18n/registry-labels';
import type { Address, CivilStatus, Comune, Relationship, Sex } from '../registry/model';
import {
  certificateError,
  certificateOk,
  type CertificateError,
  type CertificateProblem,
  type CertificateResult,
  type RefusalSuggestion,
} from './certificate-errors';
import { certificateIdProblems, buildVerificationUrl } from './certificate-id';
import {
  FACT_DEFINITIONS,
  isCertificateFact,
  isStoricoFact,
  MUTUALLY_EXCLUSIVE_FACTS,
  sortFacts,
  type CertificateFact,
  type StoricoFact,
} from './facts';
import {
  certificateFees,
  type BolloChoice,
  type FeeBreakdown,
  type FeeTables,
  type FeeWarning,
} from './fees';
import {
  footerFor,
  isCertificateDestination,
  isFooterOf,
  type CertificateDestination,
  type CertificateFooter,
} from './footers';
import type { Household, PersonData, RegistryHistory, RegistryPerson } from './registry-input';
import { certificateValidity, validityLine, type CertificateValidity } from './validity';
import {
  agree,
  bornPhrase,
  civilStatusWording,
  formatAddress,
  householdOrder,
  joinItalian,
  printedName,
  relationshipWording,
} from './wording';

/**
 * Builds the content of a registry certificate (DOMAIN.md §1): the certified facts as structured
 * data plus the Italian lines the document prints, or every refusal the law implies.
 *
 * Current certificates certify the registry "alla data odierna" and exist only for people the
 * register holds as residents: DPR 223/1989 art. 33 has the ufficiale d'anagrafe certify what the
 * registers show, and an emigrated or deceased person's record is cancelled (archived). Their
 * CURRENT residence and household are refused with a storico suggested instead (DOMAIN.md §1.2:
 * for people who emigrated or were struck off, the storico "is issued as of the date they left");
 * their other current facts are refused too (the new comune, or ANPR, certifies an emigrant's
 * present state; death is certified by stato civile). Esistenza in vita of a deceased person is
 * refused with its own reason.
 *
 * Storici (residence, household at a past date) need a MOTIVATED request and a reference date
 * (DOMAIN.md §1.2), and the record's history (registry-input.ts).
 *
 * The pure rules stop at content: rendering (PDF/A, PAdES seal, QR), storage of the original,
 * the one-marca-one-certificate check and the audit entry come later, elsewhere.
 */

export type SignatureMode =
  /** signed by hand by the officer */
  | 'autograph'
  /** system-printed: signature replaced by the printed name (art. 3 c.2 D.Lgs. 39/1993) [K] */
  | 'printed'
  /** digital original with a qualified electronic seal; the paper copy carries the contrassegno */
  | 'digital_seal';

export const SIGNATURE_MODES: readonly SignatureMode[] = ['autograph', 'printed', 'digital_seal'];

export interface Issuer {
  comune: Pick<Comune, 'belfiore' | 'istat' | 'name' | 'province'>;
  /** e.g. "Servizi Demografici – Ufficio Anagrafe" */
  office: string;
  /** the ufficiale d'anagrafe or delegate who signs */
  officer: string;
  /** default "L'Ufficiale d'Anagrafe"; e.g. "L'Ufficiale d'Anagrafe delegato" */
  officerTitle?: string;
}

export interface StoricoRequest {
  /** the past date the facts are certified at */
  referenceDate?: IsoDate | null;
  /** why the applicant needs it: a storico is issued only on a motivated request */
  motivation?: string | null;
}

export interface CertificateRequest {
  /** from `nextCertificateId`: of the issuing comune and the year of `requestDate` */
  certificateId: string;
  issuer: Issuer;
  holder: RegistryPerson;
  /** the holder's household today: needed for current residenza and stato di famiglia */
  household?: Household | null;
  facts: readonly CertificateFact[];
  /** present for a storico */
  storico?: StoricoRequest | null;
  /** the holder's registry history: needed for a storico */
  history?: RegistryHistory | null;
  destination: CertificateDestination;
  /** the day of the request, which is the day of issue */
  requestDate: IsoDate;
  bollo: BolloChoice;
  signature: SignatureMode;
  /** when given, the verification address is printed: `<hubBase>/verifica/<id>` */
  hubBase?: string | null;
}

/** Person data printed on the certificate. Anagrafe certificates do not show parents' names (§1.7). */
export interface CertifiedPerson {
  surname: string;
  givenNames: string;
  sex: Sex;
  birthDate: IsoDate;
  birthPlaceName: string;
}

export interface CertifiedMember {
  person: CertifiedPerson;
  /** relationship to the head of household: only on the "con rapporti di parentela" variant */
  relationship: Relationship | null;
}

export type CertifiedFact =
  | { fact: 'residenza'; address: Address; comuneName: string; province: string }
  | { fact: 'stato_famiglia'; members: readonly CertifiedMember[] }
  | { fact: 'stato_famiglia_rapporti'; members: readonly CertifiedMember[] }
  | { fact: 'cittadinanza'; citizenship: 'IT' }
  | { fact: 'esistenza_in_vita' }
  | { fact: 'stato_civile'; civilStatus: CivilStatus }
  | { fact: 'stato_libero'; civilStatus: FreeCivilStatus }
  | { fact: 'anagrafico_nascita'; birthDate: IsoDate; birthPlaceCode: string; birthPlaceName: string };

/** Civil statuses that make a person free to marry or enter a civil union (DOMAIN.md §1.2). */
export type FreeCivilStatus = Extract<CivilStatus, 'celibe_nubile' | 'vedovo' | 'divorziato'>;
const FREE_STATUSES: readonly CivilStatus[] = ['celibe_nubile', 'vedovo', 'divorziato'];

export type CertificateLineSection =
  | 'header'
  | 'title'
  | 'identifier'
  | 'intro'
  | 'holder'
  | 'fact'
  | 'fees'
  | 'validity'
  | 'closing'
  | 'signature'
  | 'verification'
  | 'footer';

export interface CertificateLine {
  section: CertificateLineSection;
  text: string;
}

export type CertificateWarning = FeeWarning;

declare const CERTIFICATE_BRAND: unique symbol;

/**
 * The content of an issued certificate. Only `buildCertificate` makes one (the brand), and its
 * `footer` is required: a certificate without the art. 40 sentence (or the "solo per l'estero"
 * one) cannot be typed, and `checkCertificate` repeats the check at run time.
 */
export interface Certificate {
  readonly [CERTIFICATE_BRAND]: true;
  readonly id: string;
  readonly issuer: Issuer;
  readonly issuedOn: IsoDate;
  readonly title: string;
  readonly kind: 'semplice' | 'contestuale';
  /** null for a current certificate */
  readonly storico: { referenceDate: IsoDate; motivation: string } | null;
  /** the day the facts are certified at: the issue day, or the storico's reference date */
  readonly referenceDate: IsoDate;
  readonly holder: CertifiedPerson & { codiceFiscale: string; registryId: string };
  readonly facts: readonly CertifiedFact[];
  readonly destination: CertificateDestination;
  readonly footer: CertificateFooter;
  readonly fees: FeeBreakdown;
  readonly validity: CertificateValidity;
  readonly signature: SignatureMode;
  readonly verificationUrl: string | null;
  /** the document's text, in order; the last line is always the footer */
  readonly lines: readonly CertificateLine[];
  readonly warnings: readonly CertificateWarning[];
}

// ---------------------------------------------------------------------------------------------

function personOf(p: PersonData | RegistryPerson): CertifiedPerson {
  return {
    surname: p.surname,
    givenNames: p.givenNames,
    sex: p.sex,
    birthDate: p.birthDate,
    birthPlaceName: p.birthPlaceName,
  };
}

function nameOf(p: { surname: string; givenNames: string }): string {
  return printedName(p);
}

/** The order a stato di famiglia prints (wording.ts `householdOrder`, shared with the self-declaration). */
function sortMembers<T extends { person: PersonData | RegistryPerson; relationship: Relationship }>(
  members: readonly T[],
): T[] {
  return [...members].sort(householdOrder);
}

function validateRequest(req: CertificateRequest): {
  problems: CertificateProblem[];
  facts: CertificateFact[];
} {
  const problems: CertificateProblem[] = [];
  if (!isIsoDate(req.requestDate)) {
    problems.push({ reason: 'invalid_date', field: 'requestDate', value: String(req.requestDate) });
  }
  const raw: readonly unknown[] = Array.isArray(req.facts) ? req.facts : [];
  if (raw.length === 0) problems.push({ reason: 'no_facts' });
  const facts: CertificateFact[] = [];
  for (const f of raw) {
    if (!isCertificateFact(f)) problems.push({ reason: 'unknown_fact', fact: String(f) });
    else if (facts.includes(f)) problems.push({ reason: 'duplicate_fact', fact: f });
    else facts.push(f);
  }
  for (const [a, b] of MUTUALLY_EXCLUSIVE_FACTS) {
    if (facts.includes(a) && facts.includes(b))
      problems.push({ reason: 'redundant_facts', fact: a, other: b });
  }
  if (!isCertificateDestination(req.destination)) {
    problems.push({ reason: 'invalid_destination', value: String(req.destination) });
  }
  if (!SIGNATURE_MODES.includes(req.signature)) {
    problems.push({ reason: 'invalid_signature', value: String(req.signature) });
  }
  const comune = req.issuer.comune.belfiore;
  if (req.holder.comune !== comune) {
    problems.push({ reason: 'holder_of_other_comune', holderComune: req.holder.comune, comune });
  }
  if (isIsoDate(req.requestDate))
    problems.push(...certificateIdProblems(req.certificateId, comune, req.requestDate));
  if (req.hubBase !== undefined && req.hubBase !== null) {
    const url = buildVerificationUrl(req.hubBase, req.certificateId);
    if (!url.ok) {
      for (const e of url.errors)
        if (e.reason === 'invalid_hub_base') problems.push({ reason: e.reason, value: e.value });
    }
  }
  return { problems, facts: sortFacts(facts) };
}

/** Refusals and facts of a current certificate ("alla data odierna"). */
function currentFacts(
  req: CertificateRequest,
  facts: readonly CertificateFact[],
  problems: CertificateProblem[],
): CertifiedFact[] {
  const { holder } = req;
  const name = nameOf(holder);
  const certified: CertifiedFact[] = [];

  if (holder.status !== 'resident') {
    const statusDate = holder.statusDate ?? '';
    for (const fact of facts) {
      if (fact === 'esistenza_in_vita' && holder.status === 'deceased') {
        problems.push({
          reason: 'holder_deceased',
          fact,
          name,
          statusDate,
          suggestion: { kind: 'death_certificate' },
        });
        continue;
      }
      let suggestion: RefusalSuggestion | null = null;
      if (isStoricoFact(fact)) {
        suggestion = { kind: 'storico', facts: [fact], referenceDate: holder.statusDate };
      } else if (holder.status === 'emigrated') {
        suggestion = { kind: 'comune_of_residence' };
      }
      problems.push({
        reason: 'no_longer_resident',
        fact,
        name,
        status: holder.status,
        statusDate,
        suggestion,
      });
    }
    return certified;
  }

  const needsHousehold = facts.filter((f) => FACT_DEFINITIONS[f].needsHousehold);
  const household = req.household ?? null;
  let members: RegistryPerson[] = [];
  if (needsHousehold.length > 0) {
    if (household === null) {
      for (const fact of needsHousehold) problems.push({ reason: 'household_missing', fact });
    } else if (household.family.id !== holder.familyId) {
      problems.push({
        reason: 'household_mismatch',
        detail: `family ${household.family.id}, holder's ${holder.familyId}`,
      });
    } else if (!household.members.some((m) => m.id === holder.id)) {
      problems.push({ reason: 'household_mismatch', detail: 'the holder is not among the members' });
    } else {
      members = household.members.filter(
        (m) => m.status === 'resident' && m.familyId === household.family.id,
      );
    }
  }

  for (const fact of facts) {
    switch (fact) {
      case 'residenza':
        if (household !== null && members.length > 0) {
          certified.push({
            fact,
            address: household.family.address,
            comuneName: req.issuer.comune.name,
            province: req.issuer.comune.province,
          });
        }
        break;
      case 'stato_famiglia':
      case 'stato_famiglia_rapporti': {
        if (members.length === 0) break;
        const blocked = members.find((m) => m.id !== holder.id && m.notCertifiable);
        if (blocked) {
          problems.push({ reason: 'member_not_certifiable', fact, name: nameOf(blocked) });
          break;
        }
        const withRelationship = fact === 'stato_famiglia_rapporti';
        certified.push({
          fact,
          members: sortMembers(members.map((m) => ({ person: m, relationship: m.relationship }))).map(
            (m) => ({
              person: personOf(m.person),
              relationship: withRelationship ? m.relationship : null,
            }),
          ),
        });
        break;
      }
      case 'cittadinanza':
        // the comune certifies Italian citizenship only; a foreign one is the foreign state's to certify
        if (holder.citizenship !== 'IT') {
          problems.push({ reason: 'not_italian_citizen', name, citizenship: holder.citizenship });
        } else certified.push({ fact, citizenship: 'IT' });
        break;
      case 'esistenza_in_vita':
        certified.push({ fact });
        break;
      case 'stato_civile':
        certified.push({ fact, civilStatus: holder.civilStatus });
        break;
      case 'stato_libero':
        // stato libero: no marriage and no civil union in force (DOMAIN.md §1.2)
        if (!FREE_STATUSES.includes(holder.civilStatus)) {
          problems.push({ reason: 'not_free_status', name, civilStatus: holder.civilStatus });
        } else certified.push({ fact, civilStatus: holder.civilStatus as FreeCivilStatus });
        break;
      case 'anagrafico_nascita':
        certified.push({
          fact,
          birthDate: holder.birthDate,
          birthPlaceCode: holder.birthPlaceCode,
          birthPlaceName: holder.birthPlaceName,
        });
        break;
    }
  }
  return certified;
}

/** Checks of a storico request; returns the reference date and motivation when they are usable. */
function storicoTerms(
  req: CertificateRequest,
  storico: StoricoRequest,
  facts: readonly CertificateFact[],
  problems: CertificateProblem[],
): { referenceDate: IsoDate; motivation: string } | null {
  const motivation = (storico.motivation ?? '').trim();
  if (motivation === '') problems.push({ reason: 'storico_motivation_missing' });
  for (const fact of facts)
    if (!isStoricoFact(fact)) problems.push({ reason: 'storico_not_available', fact });
  const referenceDate = storico.referenceDate ?? null;
  let dateOk = false;
  if (referenceDate === null || referenceDate === '') {
    problems.push({ reason: 'storico_reference_date_missing' });
  } else if (!isIsoDate(referenceDate)) {
    problems.push({ reason: 'invalid_date', field: 'storico.referenceDate', value: String(referenceDate) });
  } else if (compareIsoDates(referenceDate, req.requestDate) > 0) {
    problems.push({
      reason: 'storico_reference_date_in_future',
      referenceDate,
      requestDate: req.requestDate,
    });
  } else if (
    req.holder.status !== 'resident' &&
    req.holder.statusDate !== null &&
    isIsoDate(req.holder.statusDate) &&
    compareIsoDates(referenceDate, req.holder.statusDate) > 0
  ) {
    problems.push({ reason: 'storico_after_cancellation', referenceDate, statusDate: req.holder.statusDate });
  } else {
    dateOk = true;
  }
  if (!req.history) problems.push({ reason: 'storico_history_missing' });
  return dateOk && motivation !== '' && referenceDate !== null ? { referenceDate, motivation } : null;
}

/** Facts of a storico at `referenceDate`, from the registry history. */
function storicoFacts(
  req: CertificateRequest,
  facts: readonly StoricoFact[],
  referenceDate: IsoDate,
  history: RegistryHistory,
  problems: CertificateProblem[],
): CertifiedFact[] {
  const periods = history.residences.filter((r) => isWithin(referenceDate, r.from, r.to));
  const [period, ...more] = periods;
  if (!period) {
    problems.push({ reason: 'no_residence_on_date', referenceDate });
    return [];
  }
  if (more.length > 0) {
    problems.push({ reason: 'inconsistent_history', referenceDate, detail: 'overlapping residence periods' });
    return [];
  }
  const memberships = history.memberships.filter(
    (m) => m.familyId === period.familyId && isWithin(referenceDate, m.from, m.to),
  );
  const needsMembers = facts.some((f) => f !== 'residenza');
  if (needsMembers && !memberships.some((m) => m.person.id === req.holder.id)) {
    problems.push({
      reason: 'inconsistent_history',
      referenceDate,
      detail: `the holder is not a member of household ${period.familyId} on that date`,
    });
    return [];
  }
  const certified: CertifiedFact[] = [];
  for (const fact of facts) {
    if (fact === 'residenza') {
      certified.push({
        fact,
        address: period.address,
        comuneName: req.issuer.comune.name,
        province: req.issuer.comune.province,
      });
      continue;
    }
    const blocked = memberships.find((m) => m.person.id !== req.holder.id && m.person.notCertifiable);
    if (blocked) {
      problems.push({ reason: 'member_not_certifiable', fact, name: nameOf(blocked.person) });
      continue;
    }
    const withRelationship = fact === 'stato_famiglia_rapporti';
    certified.push({
      fact,
      members: sortMembers(memberships).map((m) => ({
        person: personOf(m.person),
        relationship: withRelationship ? m.relationship : null,
      })),
    });
  }
  return certified;
}

// --- wording --------------------------------------------------------------------------------

function titleOf(facts: readonly CertificateFact[], storico: boolean): string {
  if (facts.length === 1 && facts[0] === 'anagrafico_nascita') return 'CERTIFICATO ANAGRAFICO DI NASCITA';
  const kind = ['CERTIFICATO', storico ? 'STORICO' : null, facts.length > 1 ? 'CONTESTUALE' : null]
    .filter((w) => w !== null)
    .join(' ');
  return `${kind} DI ${joinItalian(
    facts.map((f) => FACT_DEFINITIONS[f].titleIt),
    'E',
  )}`;
}

function memberLines(members: readonly CertifiedMember[]): string[] {
  return members.map((m, i) => {
    const relation = m.relationship === null ? '' : ` – ${relationshipWording(m.relationship, m.person.sex)}`;
    return `${i + 1}. ${printedName(m.person)}, ${bornPhrase(m.person)}${relation}`;
  });
}

function factLines(fact: CertifiedFact, sex: Sex, past: boolean): string[] {
  const is = past ? 'era' : 'è';
  switch (fact.fact) {
    case 'residenza':
      return [`${is} residente in ${formatAddress(fact.address, fact.comuneName, fact.province)}`];
    case 'stato_famiglia':
    case 'stato_famiglia_rapporti':
      return [`la famiglia anagrafica ${past ? 'era' : 'è'} così composta:`, ...memberLines(fact.members)];
    case 'cittadinanza':
      return [`è ${agree(sex, 'cittadino italiano', 'cittadina italiana')}`];
    case 'esistenza_in_vita':
      return ['è esistente in vita'];
    case 'stato_civile': {
      return [`è di stato civile: ${civilStatusWording(fact.civilStatus, sex)}`];
    }
    case 'stato_libero': {
      return [
        `è di stato libero (${civilStatusWording(fact.civilStatus, sex)}): non è ${agree(sex, 'vincolato', 'vincolata')} da matrimonio né da unione civile`,
      ];
    }
    case 'anagrafico_nascita':
      return [`è ${agree(sex, 'nato', 'nata')} a ${fact.birthPlaceName} il ${formatDate(fact.birthDate)}`];
  }
}

function signatureLines(issuer: Issuer, mode: SignatureMode): string[] {
  const title = issuer.officerTitle ?? "L'Ufficiale d'Anagrafe";
  switch (mode) {
    case 'autograph':
      return [title, issuer.officer];
    case 'printed':
      return [
        `${title} ${issuer.officer}`,
        "Firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, c. 2, d.lgs. 39/1993",
      ];
    case 'digital_seal':
      return [
        `${title} ${issuer.officer}`,
        "Documento informatico originale con sigillo elettronico qualificato; la copia cartacea reca il contrassegno ai sensi dell'art. 23-ter, c. 5, d.lgs. 82/2005",
      ];
  }
}

interface Draft {
  id: string;
  req: CertificateRequest;
  title: string;
  storico: { referenceDate: IsoDate; motivation: string } | null;
  facts: readonly CertifiedFact[];
  fees: FeeBreakdown;
  validity: CertificateValidity;
  footer: CertificateFooter;
  verificationUrl: string | null;
}

function linesOf(d: Draft): CertificateLine[] {
  const { req } = d;
  const { issuer, holder } = req;
  const lines: CertificateLine[] = [];
  const add = (section: CertificateLineSection, ...texts: string[]): void => {
    for (const text of texts) lines.push({ section, text });
  };
  const province = issuer.comune.province.trim();
  add(
    'header',
    `COMUNE DI ${issuer.comune.name.toUpperCase()}${province ? ` (${province})` : ''}`,
    issuer.office,
  );
  add('title', d.title);
  add('identifier', `Certificato n. ${d.id}`);
  add(
    'intro',
    `${issuer.officerTitle ?? "L'Ufficiale d'Anagrafe"}, visti gli atti d'ufficio,`,
    'CERTIFICA',
    d.storico === null
      ? 'che, in base alle risultanze anagrafiche alla data odierna,'
      : `che, in base alle risultanze anagrafiche alla data del ${formatDate(d.storico.referenceDate)},`,
  );
  add('holder', printedName(holder), bornPhrase(holder), `codice fiscale ${holder.codiceFiscale}`);
  for (const fact of d.facts) add('fact', ...factLines(fact, holder.sex, d.storico !== null));
  for (const line of d.fees.lines) {
    if (line.kind === 'diritti_segreteria' && line.amountCents === 0) continue;
    add('fees', line.text.it);
  }
  add('validity', validityLine(d.validity));
  add('closing', `${issuer.comune.name}, ${formatDate(req.requestDate)}`);
  add('signature', ...signatureLines(issuer, req.signature));
  if (d.verificationUrl !== null) {
    add('verification', `Verifica dell'autenticità: ${d.verificationUrl}`);
  }
  add('footer', d.footer.text);
  return lines;
}

// --- the builder ----------------------------------------------------------------------------

export interface BuildOptions {
  tables?: FeeTables;
}

/**
 * The certificate for `req`, or every problem found. Problems come in stages, each reported
 * whole: a malformed request; then a record marked not certifiable; then the refusals of each
 * fact, the storico rules and the fees together.
 */
export function buildCertificate(
  req: CertificateRequest,
  options: BuildOptions = {},
): CertificateResult<Certificate> {
  const fail = (problems: readonly CertificateProblem[]): CertificateResult<Certificate> => ({
    ok: false,
    errors: problems.map(certificateError),
  });

  const { problems: invalid, facts } = validateRequest(req);
  if (invalid.length > 0) return fail(invalid);

  // DOMAIN.md §1.2: a record the comune marked as not certifiable gets no certificate at all
  if (req.holder.notCertifiable)
    return fail([{ reason: 'record_not_certifiable', name: nameOf(req.holder) }]);

  const problems: CertificateProblem[] = [];
  let storico: { referenceDate: IsoDate; motivation: string } | null = null;
  let certified: CertifiedFact[] = [];
  if (req.storico !== undefined && req.storico !== null) {
    storico = storicoTerms(req, req.storico, facts, problems);
    const storicoOnly = facts.filter(isStoricoFact);
    if (storico !== null && req.history && storicoOnly.length === facts.length) {
      certified = storicoFacts(req, storicoOnly, storico.referenceDate, req.history, problems);
    }
  } else {
    certified = currentFacts(req, facts, problems);
  }

  const fees = certificateFees(
    { comune: req.issuer.comune.belfiore, date: req.requestDate, bollo: req.bollo },
    options.tables,
  );
  if (!fees.ok) problems.push(...fees.errors.map(stripError));
  if (problems.length > 0 || !fees.ok) return fail(problems);

  const footer = footerFor(req.destination);
  const verification = req.hubBase ? buildVerificationUrl(req.hubBase, req.certificateId) : null;
  const draft: Draft = {
    id: req.certificateId.trim().toUpperCase(),
    req,
    title: titleOf(facts, storico !== null),
    storico,
    facts: certified,
    fees: fees.value,
    validity: certificateValidity(facts, req.requestDate, { storico: storico !== null }),
    footer,
    verificationUrl: verification?.ok ? verification.value : null,
  };
  const { holder } = req;
  const certificate = {
    id: draft.id,
    issuer: req.issuer,
    issuedOn: req.requestDate,
    title: draft.title,
    kind: facts.length > 1 ? 'contestuale' : 'semplice',
    storico,
    referenceDate: storico?.referenceDate ?? req.requestDate,
    holder: { ...personOf(holder), codiceFiscale: holder.codiceFiscale, registryId: holder.id },
    facts: certified,
    destination: req.destination,
    footer,
    fees: fees.value,
    validity: draft.validity,
    signature: req.signature,
    verificationUrl: draft.verificationUrl,
    lines: linesOf(draft),
    warnings: [...fees.value.warnings],
  } as const satisfies Omit<Certificate, typeof CERTIFICATE_BRAND>;
  const made = certificate as unknown as Certificate;
  const broken = checkCertificate(made);
  if (broken.length > 0)
    throw new Error(`unreachable: built certificate is incomplete: ${broken.join('; ')}`);
  return certificateOk(made);
}

function stripError(error: CertificateError): CertificateProblem {
  const { kind: _kind, message: _message, ...problem } = error;
  return problem as CertificateProblem;
}

/**
 * Run-time check of a certificate before it is rendered or stored (it may come back from storage
 * or across a process boundary): the footer matches the destination and is the last line, and
 * the identifier and title are present. Returns the problems, empty when printable.
 */
export function checkCertificate(certificate: Partial<Certificate> | null | undefined): string[] {
  if (!certificate || typeof certificate !== 'object') return ['not a certificate'];
  const problems: string[] = [];
  if (!isCertificateDestination(certificate.destination)) problems.push('destination missing or invalid');
  if (!isFooterOf(certificate.footer, certificate.destination)) {
    problems.push('footer missing or not the one of the destination (DPR 445/2000 art. 40)');
  }
  const lines = Array.isArray(certificate.lines) ? certificate.lines : [];
  const last = lines[lines.length - 1];
  if (!last || last.section !== 'footer' || last.text !== certificate.footer?.text) {
    problems.push('the last line is not the footer');
  }
  if (lines.filter((l) => l.section === 'footer').length !== 1)
    problems.push('exactly one footer line expected');
  if (typeof certificate.id !== 'string' || certificate.id === '') problems.push('identifier missing');
  if (!Array.isArray(certificate.facts) || certificate.facts.length === 0) problems.push('no certified fact');
  return problems;
}

/** Throws unless `checkCertificate` finds nothing: for the renderer, right before printing. */
export function assertPrintable(certificate: Certificate): void {
  const problems = checkCertificate(certificate);
  if (problems.length > 0) throw new Error(`Certificate not printable: ${problems.join('; ')}`);
}
