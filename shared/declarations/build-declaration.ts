import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/iso-date';
import { interpolate } from '../i18n/locale';
import { citizenshipLabel, formatDate } from '../i18n/registry-labels';
import type { Address, CivilStatus, Comune, Relationship, Sex } from '../registry/model';
import type { Household, RegistryPerson } from '../certificates/registry-input';
import {
  agree,
  bornPhrase,
  civilStatusWording,
  formatAddress,
  householdOrder,
  printedName,
  relationshipWording,
} from '../certificates/wording';
import {
  ART46_FACTS,
  isArt46Letter,
  isPrefilledLetter,
  type Art46Letter,
  type FreeTextLetter,
  type PrefilledLetter,
} from './art46-facts';
import {
  AWARENESS_CLAUSE,
  DOCUMENT_ATTACHED_TEMPLATE,
  privacyNotice,
  SIGNED_IN_PRESENCE_TEMPLATE,
  STAMP_DUTY_CLAUSE,
} from './clauses';
import { declarationError, type DeclarationProblem, type DeclarationResult } from './declaration-errors';
import {
  identityDocumentType,
  IDENTITY_DOCUMENT_TYPES,
  normalizeDocumentNumber,
  type IdentityDocumentType,
} from './identity-documents';
/**
 * Self-declarations (autocertificazione, DPR 445/2000 arts. 46-47; DOMAIN.md §2): the declarant
 * states facts in place of a certificate (art. 46) or facts directly known to them (art. 47).
 *
 * - Art. 46 facts the registry holds are PRE-FILLED from the record (nascita, residenza,
 *   cittadinanza, stato civile, stato di famiglia, esistenza in vita, codice fiscale); the
 *   declarant confirms them and stays responsible (DOMAIN.md §2.4). Giving `text` for such a
 *   letter replaces the pre-fill with the declarant's own statement (e.g. a person who moved away
 *   declaring the new residence); the statement then says `source: 'declarant'`.
 * - Other art. 46 letters and every art. 47 fact are written by the declarant.
 * - Mandatory texts: the awareness clause (arts. 75-76), the short privacy notice (GDPR art. 13),
 *   the bollo exemption (art. 37) and the art. 38 c.3 line on how the signature was given:
 *   before the clerk after identification with a document (art. 35), or with a copy of an
 *   identity document attached.
 * - NO bollo: the document type has no fee field, and a request carrying one is refused.
 * - Art. 5: for a minor the parent signs; for a person under guardianship the guardian; a
 *   support administrator acts within the judge's decree. The facts are then about the
 *   represented person. (With a curatore the person signs, assisted: that is the self case.)
 */

export type DeclarationArticle = 46 | 47;

/** A fact chosen on the form. */
export type DeclarationFactChoice =
  /** pre-filled from the registry; `text` replaces the pre-fill with the declarant's own words */
  | { article: 46; letter: PrefilledLetter; text?: string | null }
  | { article: 46; letter: FreeTextLetter; text: string }
  /** a fact directly known to the declarant, also about other people */
  | { article: 47; text: string };

export type Capacity =
  | { kind: 'self' }
  | {
      /** parent exercising parental responsibility over a minor (art. 5 c.1) */
      kind: 'genitore';
      represented: RegistryPerson;
      representedHousehold?: Household | null;
    }
  | {
      /** guardian (art. 5 c.1) or support administrator: the appointing act is required */
      kind: 'tutore' | 'amministratore_sostegno';
      represented: RegistryPerson;
      representedHousehold?: Household | null;
      /** e.g. "decreto del Tribunale di Vercelli n. 123/2024 del 10/05/2024" */
      appointingAct: string;
    };

export type Identification =
  | {
      kind: 'in_presence';
      /** `IdentityDocumentType.code` */
      documentType: string;
      documentNumber: string;
      /** e.g. "Comune di Casale Monferrato" */
      issuedBy?: string | null;
      expiresOn?: IsoDate | null;
      /** the employee before whom the declaration is signed */
      clerk?: string | null;
    }
  | { kind: 'document_attached' };

export interface DeclarationRequest {
  comune: Pick<Comune, 'belfiore' | 'name' | 'province'>;
  /** the day the declaration is signed */
  date: IsoDate;
  declarant: RegistryPerson;
  /** the declarant's household: for the residence in the heading and letters b, f about themselves */
  household?: Household | null;
  capacity?: Capacity;
  facts: readonly DeclarationFactChoice[];
  identification: Identification | null;
  /** no such thing as bollo on a self-declaration: present only to refuse it at run time */
  bollo?: never;
}

export interface DeclaredMember {
  surname: string;
  givenNames: string;
  sex: Sex;
  birthDate: IsoDate;
  birthPlaceName: string;
  codiceFiscale: string;
  relationship: Relationship;
}

/** Data behind a pre-filled statement. */
export type PrefilledData =
  | { letter: 'a'; birthDate: IsoDate; birthPlaceCode: string; birthPlaceName: string }
  | { letter: 'b'; address: Address; comuneName: string; province: string }
  | { letter: 'c'; citizenship: string }
  | { letter: 'e'; civilStatus: CivilStatus }
  | { letter: 'f'; members: readonly DeclaredMember[] }
  | { letter: 'g' }
  | { letter: 'q'; codiceFiscale: string };

export interface DeclaredStatement {
  article: DeclarationArticle;
  /** null for art. 47 */
  letter: Art46Letter | null;
  label: string;
  source: 'registry' | 'declarant';
  /** the printed lines, starting "di …" / "che …" */
  lines: readonly string[];
  data: PrefilledData | null;
}

export type DeclarationLineSection =
  | 'title'
  | 'declarant'
  | 'capacity'
  | 'awareness'
  | 'declares'
  | 'statement'
  | 'privacy'
  | 'stamp_duty'
  | 'closing'
  | 'signature'
  | 'identification';

export interface DeclarationLine {
  section: DeclarationLineSection;
  text: string;
}

export type DeclarationWarning =
  /** the document has expired: still usable if the declarant states its data are unchanged (art. 45 c.3) */
  'document_expired';

export interface Declaration {
  kind: 'art46' | 'art47' | 'art46_47';
  title: string;
  subtitle: string;
  comune: DeclarationRequest['comune'];
  date: IsoDate;
  declarant: {
    surname: string;
    givenNames: string;
    sex: Sex;
    birthDate: IsoDate;
    birthPlaceName: string;
    codiceFiscale: string;
  };
  capacity: Capacity['kind'];
  statements: readonly DeclaredStatement[];
  clauses: { awareness: string; privacy: string; stampDuty: string; signature: string };
  identification:
    | {
        kind: 'in_presence';
        document: IdentityDocumentType;
        number: string;
        issuedBy: string | null;
        expiresOn: IsoDate | null;
        clerk: string | null;
      }
    | { kind: 'document_attached' };
  /** always 'none': self-declarations never carry bollo (art. 37 c.1) */
  stampDuty: 'none';
  lines: readonly DeclarationLine[];
  warnings: readonly DeclarationWarning[];
}

export interface DeclarationOptions {
  /** country names for citizenships, ISO 3166 alpha-2 → Italian name ("AL" → "Albania"); default Intl */
  countryNames?: Readonly<Record<string, string>>;
  documentTypes?: readonly IdentityDocumentType[];
}

// ---------------------------------------------------------------------------------------------

/** Registry facts that describe the CURRENT state: only for a person still resident here. */
const CURRENT_STATE_LETTERS: readonly PrefilledLetter[] = ['b', 'c', 'e', 'f', 'g'];

interface Subject {
  person: RegistryPerson;
  household: Household | null;
  self: boolean;
}

/** Opening of a statement: "di essere …" about oneself, "che ROSSI LUCA è …" about the represented. */
function statementOf(subject: Subject, selfText: string, otherText: string): string {
  return subject.self ? selfText : otherText.replace('{name}', printedName(subject.person));
}

function prefill(
  letter: PrefilledLetter,
  subject: Subject,
  comune: DeclarationRequest['comune'],
  options: DeclarationOptions,
  problems: DeclarationProblem[],
): { lines: string[]; data: PrefilledData } | null {
  const p = subject.person;
  const name = printedName(p);
  if (p.status !== 'resident' && CURRENT_STATE_LETTERS.includes(letter)) {
    problems.push({ reason: 'prefill_unavailable', letter, name });
    return null;
  }
  const sex = p.sex;
  switch (letter) {
    case 'a': {
      const born = `${agree(sex, 'nato', 'nata')} a ${p.birthPlaceName} il ${formatDate(p.birthDate)}`;
      return {
        lines: [statementOf(subject, `di essere ${born}`, `che {name} è ${born}`)],
        data: {
          letter,
          birthDate: p.birthDate,
          birthPlaceCode: p.birthPlaceCode,
          birthPlaceName: p.birthPlaceName,
        },
      };
    }
    case 'b':
    case 'f': {
      const household = subject.household;
      if (household === null) {
        problems.push({ reason: 'household_missing', letter });
        return null;
      }
      if (household.family.id !== p.familyId) {
        problems.push({
          reason: 'household_mismatch',
          detail: `family ${household.family.id}, ${name}'s ${p.familyId}`,
        });
        return null;
      }
      if (letter === 'b') {
        const address = formatAddress(household.family.address, comune.name, comune.province);
        return {
          lines: [
            statementOf(subject, `di essere residente in ${address}`, `che {name} è residente in ${address}`),
          ],
          data: {
            letter,
            address: household.family.address,
            comuneName: comune.name,
            province: comune.province,
          },
        };
      }
      const members = household.members
        .filter((m) => m.status === 'resident' && m.familyId === household.family.id)
        .sort((a, b) =>
          householdOrder(
            { relationship: a.relationship, person: a },
            { relationship: b.relationship, person: b },
          ),
        );
      const declared: DeclaredMember[] = members.map((m) => ({
        surname: m.surname,
        givenNames: m.givenNames,
        sex: m.sex,
        birthDate: m.birthDate,
        birthPlaceName: m.birthPlaceName,
        codiceFiscale: m.codiceFiscale,
        relationship: m.relationship,
      }));
      return {
        lines: [
          statementOf(
            subject,
            'che la propria famiglia anagrafica è così composta:',
            'che la famiglia anagrafica di {name} è così composta:',
          ),
          ...declared.map(
            (m, i) =>
              `${i + 1}. ${printedName(m)}, ${bornPhrase(m)}, codice fiscale ${m.codiceFiscale}, ${relationshipWording(m.relationship, m.sex)}`,
          ),
        ],
        data: { letter, members: declared },
      };
    }
    case 'c': {
      const text = p.citizenship === 'IT' ? agree(sex, 'cittadino italiano', 'cittadina italiana') : null;
      const country = options.countryNames?.[p.citizenship] ?? citizenshipLabel(p.citizenship, 'it');
      return {
        lines: [
          text !== null
            ? statementOf(subject, `di essere ${text}`, `che {name} è ${text}`)
            : statementOf(
                subject,
                `di avere la cittadinanza: ${country}`,
                `che {name} ha la cittadinanza: ${country}`,
              ),
        ],
        data: { letter, citizenship: p.citizenship },
      };
    }
    case 'e': {
      const status = civilStatusWording(p.civilStatus, sex);
      return {
        lines: [
          statementOf(
            subject,
            `di essere di stato civile: ${status}`,
            `che {name} è di stato civile: ${status}`,
          ),
        ],
        data: { letter, civilStatus: p.civilStatus },
      };
    }
    case 'g':
      return {
        lines: [statementOf(subject, 'di essere esistente in vita', 'che {name} è esistente in vita')],
        data: { letter },
      };
    case 'q':
      return {
        lines: [
          statementOf(
            subject,
            `che il proprio codice fiscale è ${p.codiceFiscale}`,
            `che il codice fiscale di {name} è ${p.codiceFiscale}`,
          ),
        ],
        data: { letter, codiceFiscale: p.codiceFiscale },
      };
  }
}

function statements(
  req: DeclarationRequest,
  subject: Subject,
  options: DeclarationOptions,
  problems: DeclarationProblem[],
): DeclaredStatement[] {
  const choices: readonly unknown[] = Array.isArray(req.facts) ? req.facts : [];
  if (choices.length === 0) problems.push({ reason: 'no_facts' });
  const seen = new Set<string>();
  const result: DeclaredStatement[] = [];
  for (const raw of choices) {
    const choice = raw as { article?: unknown; letter?: unknown; text?: unknown };
    const text = typeof choice.text === 'string' ? choice.text.trim() : '';
    if (choice.article === 47) {
      if (text === '') problems.push({ reason: 'fact_text_missing', fact: 'art. 47' });
      else
        result.push({
          article: 47,
          letter: null,
          label: 'art. 47',
          source: 'declarant',
          lines: [text],
          data: null,
        });
      continue;
    }
    if (choice.article !== 46) {
      problems.push({ reason: 'invalid_article', value: String(choice.article) });
      continue;
    }
    if (!isArt46Letter(choice.letter)) {
      problems.push({ reason: 'unknown_art46_letter', letter: String(choice.letter) });
      continue;
    }
    const letter = choice.letter;
    if (seen.has(letter)) {
      problems.push({ reason: 'duplicate_fact', letter });
      continue;
    }
    seen.add(letter);
    const label = `art. 46, lett. ${letter}) – ${ART46_FACTS[letter].label.it}`;
    if (text !== '') {
      result.push({ article: 46, letter, label, source: 'declarant', lines: [text], data: null });
    } else if (isPrefilledLetter(letter)) {
      const filled = prefill(letter, subject, req.comune, options, problems);
      if (filled)
        result.push({
          article: 46,
          letter,
          label,
          source: 'registry',
          lines: filled.lines,
          data: filled.data,
        });
    } else {
      problems.push({ reason: 'fact_text_missing', fact: `art. 46, lett. ${letter})` });
    }
  }
  return result;
}

function identificationOf(
  req: DeclarationRequest,
  options: DeclarationOptions,
  problems: DeclarationProblem[],
): Declaration['identification'] | null {
  const id = req.identification as Identification | null | undefined;
  if (!id || (id.kind !== 'in_presence' && id.kind !== 'document_attached')) {
    problems.push({ reason: 'missing_identification' });
    return null;
  }
  if (id.kind === 'document_attached') return { kind: 'document_attached' };
  const document = identityDocumentType(
    String(id.documentType ?? ''),
    options.documentTypes ?? IDENTITY_DOCUMENT_TYPES,
  );
  if (document === null)
    problems.push({ reason: 'unknown_document_type', code: String(id.documentType ?? '') });
  const number = normalizeDocumentNumber(id.documentNumber);
  if (number === null)
    problems.push({ reason: 'invalid_document_number', value: String(id.documentNumber ?? '') });
  const expiresOn = id.expiresOn ?? null;
  if (expiresOn !== null && !isIsoDate(expiresOn)) {
    problems.push({ reason: 'invalid_date', field: 'identification.expiresOn', value: String(expiresOn) });
    return null;
  }
  if (document === null || number === null) return null;
  return {
    kind: 'in_presence',
    document,
    number,
    issuedBy: (id.issuedBy ?? '').trim() || null,
    expiresOn,
    clerk: (id.clerk ?? '').trim() || null,
  };
}

function titleOf(kind: Declaration['kind']): { title: string; subtitle: string } {
  switch (kind) {
    case 'art46':
      return {
        title: 'DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE',
        subtitle: '(art. 46 d.P.R. 28 dicembre 2000, n. 445)',
      };
    case 'art47':
      return {
        title: 'DICHIARAZIONE SOSTITUTIVA DELL’ATTO DI NOTORIETÀ',
        subtitle: '(art. 47 d.P.R. 28 dicembre 2000, n. 445)',
      };
    case 'art46_47':
      return {
        title: 'DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE E DELL’ATTO DI NOTORIETÀ',
        subtitle: '(artt. 46 e 47 d.P.R. 28 dicembre 2000, n. 445)',
      };
  }
}

const CAPACITY_WORDING = {
  genitore: 'in qualità di genitore esercente la responsabilità genitoriale su',
  tutore: ['in qualità di tutore di', 'in qualità di tutrice di'],
  amministratore_sostegno: [
    'in qualità di amministratore di sostegno di',
    'in qualità di amministratrice di sostegno di',
  ],
} as const;

function capacityLine(capacity: Capacity, declarantSex: Sex): string | null {
  if (capacity.kind === 'self') return null;
  const r = capacity.represented;
  const who = `${printedName(r)}, ${bornPhrase(r)}, codice fiscale ${r.codiceFiscale}`;
  if (capacity.kind === 'genitore') return `${CAPACITY_WORDING.genitore} ${who},`;
  const [m, f] = CAPACITY_WORDING[capacity.kind];
  return `${agree(declarantSex, m, f)} ${who}, ${agree(declarantSex, 'nominato', 'nominata')} con ${capacity.appointingAct.trim()},`;
}

function signatureClause(identification: NonNullable<Declaration['identification']>, sex: Sex): string {
  const del = agree(sex, 'del', 'della');
  const dichiarante = 'dichiarante';
  if (identification.kind === 'document_attached') {
    return interpolate(DOCUMENT_ATTACHED_TEMPLATE, { del, dichiarante });
  }
  return interpolate(SIGNED_IN_PRESENCE_TEMPLATE, {
    clerk: identification.clerk ? ` ${identification.clerk}` : '',
    del,
    dichiarante,
    document: identification.document.label.it,
    number: identification.number,
    issuer: identification.issuedBy ? `, rilasciato da ${identification.issuedBy}` : '',
  });
}

/**
 * The content of a self-declaration, or every problem found. Pure: the registry data come in
 * with the request; printing, protocol and the art. 71 checks happen elsewhere.
 */
export function buildDeclaration(
  req: DeclarationRequest,
  options: DeclarationOptions = {},
): DeclarationResult<Declaration> {
  const problems: DeclarationProblem[] = [];
  if ('bollo' in req && (req as { bollo?: unknown }).bollo !== undefined)
    problems.push({ reason: 'bollo_not_applicable' });
  const dateOk = isIsoDate(req.date);
  if (!dateOk) problems.push({ reason: 'invalid_date', field: 'date', value: String(req.date) });

  const { declarant } = req;
  if (declarant.status === 'deceased') {
    problems.push({
      reason: 'declarant_deceased',
      name: printedName(declarant),
      statusDate: declarant.statusDate ?? '',
    });
  }

  const capacity: Capacity = req.capacity ?? { kind: 'self' };
  let subject: Subject = { person: declarant, household: req.household ?? null, self: true };
  if (capacity.kind !== 'self') {
    if (!['genitore', 'tutore', 'amministratore_sostegno'].includes(capacity.kind)) {
      problems.push({ reason: 'invalid_capacity', value: String((capacity as { kind: unknown }).kind) });
    } else {
      if (capacity.kind !== 'genitore' && (capacity.appointingAct ?? '').trim() === '') {
        problems.push({ reason: 'appointing_act_missing', capacity: capacity.kind });
      }
      if (capacity.represented.status === 'deceased') {
        problems.push({
          reason: 'represented_deceased',
          name: printedName(capacity.represented),
          statusDate: capacity.represented.statusDate ?? '',
        });
      }
      subject = {
        person: capacity.represented,
        household: capacity.representedHousehold ?? null,
        self: false,
      };
    }
  }

  // a deceased declarant or represented person: the facts would be prepared for nobody
  const facts = problems.some((p) => p.reason === 'declarant_deceased' || p.reason === 'represented_deceased')
    ? []
    : statements(req, subject, options, problems);
  const identification = identificationOf(req, options, problems);
  if (problems.length > 0 || identification === null) {
    return { ok: false, errors: problems.map(declarationError) };
  }

  const has46 = facts.some((f) => f.article === 46);
  const has47 = facts.some((f) => f.article === 47);
  const kind: Declaration['kind'] = has46 && has47 ? 'art46_47' : has47 ? 'art47' : 'art46';
  const { title, subtitle } = titleOf(kind);
  const sex = declarant.sex;
  const residence =
    declarant.status === 'resident' && req.household && req.household.family.id === declarant.familyId
      ? `, residente in ${formatAddress(req.household.family.address, req.comune.name, req.comune.province)}`
      : '';
  const clauses = {
    awareness: AWARENESS_CLAUSE,
    privacy: privacyNotice(req.comune.name),
    stampDuty: STAMP_DUTY_CLAUSE,
    signature: signatureClause(identification, sex),
  };

  const lines: DeclarationLine[] = [];
  const add = (section: DeclarationLineSection, ...texts: string[]): void => {
    for (const text of texts) lines.push({ section, text });
  };
  add('title', title, subtitle);
  add(
    'declarant',
    `${agree(sex, 'Il sottoscritto', 'La sottoscritta')} ${printedName(declarant)}, ${bornPhrase(declarant)}, codice fiscale ${declarant.codiceFiscale}${residence},`,
  );
  const capacityText = capacityLine(capacity, sex);
  if (capacityText !== null) add('capacity', capacityText);
  add('awareness', clauses.awareness);
  add('declares', 'DICHIARA');
  for (const s of facts) {
    const [first, ...rest] = s.lines;
    add('statement', `– ${first ?? ''}`, ...rest.map((l) => `   ${l}`));
  }
  add('privacy', clauses.privacy);
  add('stamp_duty', clauses.stampDuty);
  add('closing', `${req.comune.name}, ${formatDate(req.date)}`);
  add('signature', `${agree(sex, 'Il dichiarante', 'La dichiarante')} ______________________________`);
  add('identification', clauses.signature);

  const warnings: DeclarationWarning[] = [];
  if (
    identification.kind === 'in_presence' &&
    identification.expiresOn !== null &&
    compareIsoDates(identification.expiresOn, req.date) < 0
  ) {
    warnings.push('document_expired');
  }

  return {
    ok: true,
    value: {
      kind,
      title,
      subtitle,
      comune: req.comune,
      date: req.date,
      declarant: {
        surname: declarant.surname,
        givenNames: declarant.givenNames,
        sex,
        birthDate: declarant.birthDate,
        birthPlaceName: declarant.birthPlaceName,
        codiceFiscale: declarant.codiceFiscale,
      },
      capacity: capacity.kind,
      statements: facts,
      clauses,
      identification,
      stampDuty: 'none',
      lines,
      warnings,
    },
  };
}
