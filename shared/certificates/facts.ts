import type { Locale } from '../i18n/locale';

/**
 * A registry certificate is a SET of facts drawn from the anagrafe, not an entry of a fixed list
 * (DOMAIN.md §1.2: "treat a certificate as a set of facts plus a template"). One fact is a plain
 * certificate ("certificato di residenza"); several make a contestuale; a storico certifies the
 * facts at a past reference date.
 *
 * Which register the facts come from decides the stamp duty (DOMAIN.md §1.1): certificates and
 * extracts of the STATO CIVILE registers (nascita, matrimonio, morte, unione civile, copia
 * integrale) are always exempt from bollo; ANAGRAFE certificates owe it from issue unless an
 * exemption applies. Our reading, following DOMAIN.md exactly:
 * - `anagrafico_nascita` is the ANPR "anagrafico di nascita", which §1.2 says is an anagrafe
 *   variant, NOT a civil-status extract: bollo is due (or an exemption is chosen). The
 *   civil-status "estratto/certificato di nascita" is issued by the ufficiale di stato civile and
 *   is not built here.
 * - `stato_civile` and `stato_libero` certify the civil status AS RECORDED IN THE ANAGRAFE
 *   (§1.2 lists them under "Anagrafe, current status", §1.1 lists stato libero among anagrafe
 *   examples): bollo is due as well. The name "stato civile" does not make them civil-status
 *   register certificates.
 * So every fact below has `register: 'anagrafe'`; no civil-status certificate is built here.
 */
export const CERTIFICATE_FACTS = [
  'residenza',
  'stato_famiglia',
  'stato_famiglia_rapporti',
  'cittadinanza',
  'esistenza_in_vita',
  'stato_civile',
  'stato_libero',
  'anagrafico_nascita',
] as const;

export type CertificateFact = (typeof CERTIFICATE_FACTS)[number];

/** The facts that can be certified at a past date (DOMAIN.md §1.2, "Storici"). */
export const STORICO_FACTS = ['residenza', 'stato_famiglia', 'stato_famiglia_rapporti'] as const;
export type StoricoFact = (typeof STORICO_FACTS)[number];

export interface FactDefinition {
  fact: CertificateFact;
  /** the register the fact is drawn from; see the note above */
  register: 'anagrafe';
  /** for messages and the counter: "residenza" / "residence" */
  label: Record<Locale, string>;
  /** the fact's name in a printed title: "CERTIFICATO [CONTESTUALE] DI <titleIt>" */
  titleIt: string;
  /**
   * true only for facts that cannot change after they happened, which makes the certificate
   * valid without limit (DPR 445/2000 art. 41 c.1; DOMAIN.md §1.5: "birth, death"). Birth data
   * qualify. Esistenza in vita does NOT: it is true today and may stop being true tomorrow.
   * Residence, household, citizenship and civil status all change.
   */
  unchangeable: boolean;
  /** can be requested as a storico (with motivation and reference date) */
  storicoAvailable: boolean;
  /** needs the household (address or members) */
  needsHousehold: boolean;
}

export const FACT_DEFINITIONS: Record<CertificateFact, FactDefinition> = {
  residenza: {
    fact: 'residenza',
    register: 'anagrafe',
    label: { it: 'residenza', en: 'residence' },
    titleIt: 'RESIDENZA',
    unchangeable: false,
    storicoAvailable: true,
    needsHousehold: true,
  },
  stato_famiglia: {
    fact: 'stato_famiglia',
    register: 'anagrafe',
    label: { it: 'stato di famiglia', en: 'household composition' },
    titleIt: 'STATO DI FAMIGLIA',
    unchangeable: false,
    storicoAvailable: true,
    needsHousehold: true,
  },
  stato_famiglia_rapporti: {
    fact: 'stato_famiglia_rapporti',
    register: 'anagrafe',
    label: {
      it: 'stato di famiglia con rapporti di parentela',
      en: 'household composition with relationships',
    },
    titleIt: 'STATO DI FAMIGLIA CON RAPPORTI DI PARENTELA',
    unchangeable: false,
    storicoAvailable: true,
    needsHousehold: true,
  },
  cittadinanza: {
    fact: 'cittadinanza',
    register: 'anagrafe',
    label: { it: 'cittadinanza italiana', en: 'Italian citizenship' },
    titleIt: 'CITTADINANZA ITALIANA',
    unchangeable: false,
    storicoAvailable: false,
    needsHousehold: false,
  },
  esistenza_in_vita: {
    fact: 'esistenza_in_vita',
    register: 'anagrafe',
    label: { it: 'esistenza in vita', en: 'being alive' },
    titleIt: 'ESISTENZA IN VITA',
    unchangeable: false,
    storicoAvailable: false,
    needsHousehold: false,
  },
  stato_civile: {
    fact: 'stato_civile',
    register: 'anagrafe',
    label: { it: 'stato civile', en: 'civil status' },
    titleIt: 'STATO CIVILE',
    unchangeable: false,
    storicoAvailable: false,
    needsHousehold: false,
  },
  stato_libero: {
    fact: 'stato_libero',
    register: 'anagrafe',
    label: { it: 'stato libero', en: 'free to marry (stato libero)' },
    titleIt: 'STATO LIBERO',
    unchangeable: false,
    storicoAvailable: false,
    needsHousehold: false,
  },
  anagrafico_nascita: {
    fact: 'anagrafico_nascita',
    register: 'anagrafe',
    label: { it: 'anagrafico di nascita', en: 'birth data (registry)' },
    titleIt: 'DATI ANAGRAFICI DI NASCITA',
    unchangeable: true,
    storicoAvailable: false,
    needsHousehold: false,
  },
};

export function isCertificateFact(value: unknown): value is CertificateFact {
  return typeof value === 'string' && (CERTIFICATE_FACTS as readonly string[]).includes(value);
}

export function isStoricoFact(fact: CertificateFact): fact is StoricoFact {
  return (STORICO_FACTS as readonly string[]).includes(fact);
}

/** Facts in catalogue order, so a contestuale prints the same whatever order the clerk ticked. */
export function sortFacts<F extends CertificateFact>(facts: readonly F[]): F[] {
  return [...facts].sort((a, b) => CERTIFICATE_FACTS.indexOf(a) - CERTIFICATE_FACTS.indexOf(b));
}

/** The two household variants are one fact printed two ways: asking for both is a mistake. */
export const MUTUALLY_EXCLUSIVE_FACTS: readonly (readonly [CertificateFact, CertificateFact])[] = [
  ['stato_famiglia', 'stato_famiglia_rapporti'],
];
