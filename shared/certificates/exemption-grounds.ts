import type { IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import { periodProblems, rowOn, type DatedLookup } from '../calendar/dated-rows';

/**
 * Grounds for issuing an anagrafe certificate without stamp duty ("in carta libera"), from the
 * table in DOMAIN.md §1.3: Tabella B of DPR 642/1972 plus special laws. The applicant states the
 * use; the clerk picks the ground; the certificate prints the ground's `legalReference` FROM THIS
 * TABLE, never free text (DOMAIN.md §1.3, "Implementation").
 *
 * Source status as in DOMAIN.md: V found in a source, K background knowledge to verify. A ground
 * whose status is not V still works but the fee breakdown carries a warning, so the comune can
 * confirm the reference before relying on it.
 *
 * Left out on purpose:
 * - legal aid (patrocinio a spese dello Stato): DOMAIN.md gives no reference to print;
 * - military service, passports for emigrant workers, expropriation, voluntary work, street
 *   renaming, job-seeker lists: "Article numbers vary by list, so check before printing them".
 * The comune adds them (with a verified reference) by passing its own table.
 *
 * Dates: every law cited predates the first row of the stamp-duty table (26 June 2013), so the
 * rows start there; the table does not record when each ground began. A ground repealed later
 * gets a `validTo`.
 */

export type GroundStatus = 'V' | 'K' | 'U' | 'K/U';

export interface ExemptionGround {
  /** stable key, stored with the certificate */
  code: string;
  /** the use declared by the applicant, as the counter shows it and the certificate prints it */
  label: Record<Locale, string>;
  /** printed on the certificate: "Esente dall'imposta di bollo – <legalReference> – uso: <label>" */
  legalReference: string;
  /** the applicant must show evidence of the declared use (recorded with the certificate) */
  requiresEvidence: boolean;
  status: GroundStatus;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  note?: string;
}

const SINCE = '2013-06-26';
const tabB = (article: string): string => `art. ${article}, Tabella B, d.P.R. 642/1972`;

type Row = Omit<ExemptionGround, 'validFrom' | 'validTo' | 'status' | 'requiresEvidence'> & {
  status?: GroundStatus;
  requiresEvidence?: boolean;
};

const row = ({ status = 'V', requiresEvidence = false, ...rest }: Row): ExemptionGround => ({
  ...rest,
  requiresEvidence,
  status,
  validFrom: SINCE,
  validTo: null,
});

export const EXEMPTION_GROUNDS: readonly ExemptionGround[] = [
  row({
    code: 'elettorale',
    label: { it: 'elezioni ed esercizio dei diritti elettorali', en: 'elections and electoral rights' },
    legalReference: tabB('1'),
  }),
  row({
    code: 'penale_disciplinare',
    label: {
      it: 'procedimento penale, esercizio dell’azione penale, procedimento disciplinare',
      en: 'criminal proceedings, penal action, disciplinary proceedings',
    },
    legalReference: tabB('3'),
  }),
  row({
    code: 'tributi',
    label: {
      it: 'applicazione delle leggi tributarie (accertamento e riscossione)',
      en: 'tax assessment and collection',
    },
    legalReference: tabB('5'),
  }),
  row({
    code: 'beneficenza',
    label: {
      it: 'beneficenza e ammissione a istituti di beneficenza',
      en: 'charity and admission to charitable institutions',
    },
    legalReference: tabB('8'),
  }),
  row({
    code: 'previdenza_assistenza',
    label: {
      it: 'pensioni, assicurazioni sociali obbligatorie, assegni familiari, servizio sanitario nazionale / ASL, rendite INAIL',
      en: 'pensions, compulsory social insurance, family allowances, national health service / ASL, INAIL annuities',
    },
    legalReference: tabB('9'),
  }),
  row({
    code: 'pensione_estera',
    label: {
      it: 'pensione estera (esistenza in vita e simili)',
      en: 'foreign pension (proof of life and similar)',
    },
    legalReference: tabB('9'),
    note: 'as cited by Pordenone (DOMAIN.md §1.3)',
  }),
  row({
    code: 'scuola',
    label: {
      it: 'scuola: asilo nido, scuola dell’infanzia e dell’obbligo, borse di studio, presalario e assistenza scolastica',
      en: 'school: nursery, kindergarten and compulsory school, scholarships, school assistance',
    },
    legalReference: tabB('11'),
  }),
  row({
    code: 'controversie_lavoro',
    label: {
      it: 'controversie di lavoro, di pubblico impiego, in materia di pensioni e di assicurazioni sociali',
      en: 'labour, public-employment, pension and social-insurance disputes',
    },
    legalReference: tabB('12'),
    requiresEvidence: true,
    note: 'the case must actually have been filed (Agenzia Entrate circ. 70/2002, DOMAIN.md §1.3)',
  }),
  row({
    code: 'adozione_tutela',
    label: {
      it: 'adozione, affidamento, tutela di minori e interdetti, autorizzazioni del giudice tutelare',
      en: 'adoption, foster care, guardianship of minors and interdicted persons, guardianship judge authorisations',
    },
    legalReference: `${tabB('13')}; art. 82, L. 184/1983`,
  }),
  row({
    code: 'acquisizione_ufficio',
    label: {
      it: 'acquisizione d’ufficio da parte di una pubblica amministrazione',
      en: 'obtained ex officio by a public administration',
    },
    legalReference: tabB('16'),
  }),
  row({
    code: 'agricoltura',
    label: {
      it: 'agricoltura: danni da calamità, contributi comunitari, piccola proprietà contadina',
      en: 'agriculture: calamity damages, EU contributions, small farm property',
    },
    legalReference: tabB('21-bis'),
  }),
  row({
    code: 'abbonamenti_trasporto',
    label: {
      it: 'abbonamenti e titoli di viaggio per il trasporto pubblico',
      en: 'public transport season tickets and travel tickets',
    },
    legalReference: tabB('24'),
  }),
  row({
    code: 'onlus',
    label: {
      it: 'ONLUS (organizzazioni non lucrative di utilità sociale)',
      en: 'ONLUS (non-profit organisations of social utility)',
    },
    legalReference: tabB('27-bis'),
    note: 'added by D.Lgs. 460/1997 art. 17; extension to ETS (D.Lgs. 117/2017) is [K/U]',
  }),
  row({
    code: 'sport_dilettantistico',
    label: {
      it: 'sport dilettantistico: federazioni ed enti di promozione sportiva riconosciuti dal CONI, associazioni sportive dilettantistiche',
      en: 'amateur sport: CONI-recognised federations and sports-promotion bodies, amateur sports associations',
    },
    legalReference: `${tabB('27-bis')} (L. 289/2002 art. 90)`,
    status: 'K',
    note: 'Pordenone cites "art. 9-bis", inconsistent: verify (DOMAIN.md §1.3)',
  }),
  row({
    code: 'separazione_divorzio',
    label: { it: 'procedimento di separazione o divorzio', en: 'separation or divorce proceedings' },
    legalReference: 'art. 19, L. 74/1987',
  }),
  row({
    code: 'giudice_di_pace',
    label: {
      it: 'causa di modesto valore davanti al Giudice di Pace',
      en: 'small-value case before the Giudice di Pace',
    },
    legalReference: 'art. 46, L. 374/1991',
  }),
  row({
    code: 'accesso_atti',
    label: {
      it: 'diritto di accesso ai documenti amministrativi',
      en: 'right of access to administrative documents',
    },
    legalReference: 'art. 25, L. 241/1990',
  }),
  row({
    code: 'concorsi_assunzioni',
    label: { it: 'concorsi pubblici e assunzioni', en: 'public competitions and recruitment' },
    legalReference: 'art. 19, L. 28/1999',
  }),
];

/** The ground `code` in force on `date`. */
export function exemptionGroundOn(
  code: string,
  date: IsoDate,
  table: readonly ExemptionGround[] = EXEMPTION_GROUNDS,
): DatedLookup<ExemptionGround> {
  return rowOn(table, (g) => g.code === code, date);
}

/** The grounds a clerk can pick on `date`, in table order (for the counter's list). */
export function exemptionGroundsOn(
  date: IsoDate,
  table: readonly ExemptionGround[] = EXEMPTION_GROUNDS,
): ExemptionGround[] {
  return table.filter((g) => exemptionGroundOn(g.code, date, table).ok);
}

/** Problems in a grounds table (for a table loaded from configuration): one string each. */
export function checkExemptionTable(table: readonly ExemptionGround[]): string[] {
  const problems = periodProblems(table, (g) => g.code);
  for (const g of table) {
    if (!/^[a-z][a-z0-9_]*$/.test(g.code)) problems.push(`${g.code}: code must be snake_case`);
    if (g.legalReference.trim() === '') problems.push(`${g.code}: no legal reference to print`);
    if (g.label.it.trim() === '' || g.label.en.trim() === '') problems.push(`${g.code}: label missing`);
  }
  return problems;
}
