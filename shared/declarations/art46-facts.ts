import type { Locale } from '../i18n/locale';

/**
 * The states, personal qualities and facts a person may self-declare in place of a certificate
 * (dichiarazione sostitutiva di certificazione, DPR 445/2000 art. 46 c.1), letters as in the law
 * (DOMAIN.md §2.1). Letters bb-bis and ee are [K] in DOMAIN.md.
 *
 * `prefill: 'registry'` marks the facts the anagrafe holds for the person, so the form fills them
 * from the record and the declarant confirms them (DOMAIN.md §2.4: "the declarant remains
 * responsible"). The others are written by the declarant.
 */
export const ART46_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'i',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'z',
  'aa',
  'bb',
  'bb-bis',
  'cc',
  'dd',
  'ee',
] as const;

export type Art46Letter = (typeof ART46_LETTERS)[number];

/** The letters the registry can fill: nascita, residenza, cittadinanza, stato civile, famiglia, esistenza in vita, codice fiscale. */
export const PREFILLED_LETTERS = [
  'a',
  'b',
  'c',
  'e',
  'f',
  'g',
  'q',
] as const satisfies readonly Art46Letter[];
export type PrefilledLetter = (typeof PREFILLED_LETTERS)[number];
export type FreeTextLetter = Exclude<Art46Letter, PrefilledLetter>;

export interface Art46Fact {
  letter: Art46Letter;
  label: Record<Locale, string>;
  prefill: 'registry' | null;
  status: 'V' | 'K';
}

const fact = (
  letter: Art46Letter,
  it: string,
  en: string,
  prefill: 'registry' | null = null,
  status: 'V' | 'K' = 'V',
): Art46Fact => ({ letter, label: { it, en }, prefill, status });

export const ART46_FACTS: Record<Art46Letter, Art46Fact> = {
  a: fact('a', 'data e luogo di nascita', 'date and place of birth', 'registry'),
  b: fact('b', 'residenza', 'residence', 'registry'),
  c: fact('c', 'cittadinanza', 'citizenship', 'registry'),
  d: fact('d', 'godimento dei diritti civili e politici', 'enjoyment of civil and political rights'),
  e: fact('e', 'stato di celibe, coniugato, vedovo o stato libero', 'civil status', 'registry'),
  f: fact('f', 'stato di famiglia', 'household composition', 'registry'),
  g: fact('g', 'esistenza in vita', 'being alive', 'registry'),
  h: fact(
    'h',
    'nascita del figlio, decesso del coniuge, dell’ascendente o discendente',
    'birth of a child; death of spouse, ascendant or descendant',
  ),
  i: fact(
    'i',
    'iscrizione in albi, registri o elenchi tenuti da pubbliche amministrazioni',
    'registration in rolls, registers or lists kept by a PA',
  ),
  l: fact('l', 'appartenenza a ordini professionali', 'membership of professional orders'),
  m: fact('m', 'titolo di studio, esami sostenuti', 'educational qualifications, exams passed'),
  n: fact(
    'n',
    'qualifica professionale posseduta, titolo di specializzazione, di abilitazione, di formazione, di aggiornamento e di qualificazione tecnica',
    'professional qualification, specialisation, qualifying, training or technical titles',
  ),
  o: fact(
    'o',
    'situazione reddituale o economica anche ai fini della concessione dei benefici di qualsiasi tipo previsti da leggi speciali',
    'income or economic situation, also for benefits under special laws',
  ),
  p: fact(
    'p',
    'assolvimento di specifici obblighi contributivi con l’indicazione dell’ammontare corrisposto',
    'payment of specific contribution obligations, with the amount paid',
  ),
  q: fact(
    'q',
    'possesso e numero del codice fiscale, della partita IVA e di qualsiasi dato presente nell’archivio dell’anagrafe tributaria',
    'holding and number of codice fiscale, partita IVA and any data in the tax registry',
    'registry',
  ),
  r: fact('r', 'stato di disoccupazione', 'unemployment status'),
  s: fact('s', 'qualità di pensionato e categoria di pensione', 'being a pensioner, and pension category'),
  t: fact('t', 'qualità di studente', 'being a student'),
  u: fact(
    'u',
    'qualità di legale rappresentante di persone fisiche o giuridiche, di tutore, di curatore e simili',
    'being legal representative of persons or entities, guardian, curator and similar',
  ),
  v: fact(
    'v',
    'iscrizione presso associazioni o formazioni sociali di qualsiasi tipo',
    'membership of associations or social groups',
  ),
  z: fact(
    'z',
    'tutte le situazioni relative all’adempimento degli obblighi militari',
    'situations related to military service obligations',
  ),
  aa: fact(
    'aa',
    'di non aver riportato condanne penali e di non essere destinatario di provvedimenti iscritti nel casellario giudiziale',
    'no criminal convictions and no decisions recorded in the criminal record',
  ),
  bb: fact(
    'bb',
    'di non essere a conoscenza di essere sottoposto a procedimenti penali',
    'not aware of being subject to criminal proceedings',
  ),
  'bb-bis': fact(
    'bb-bis',
    'di non essere l’ente destinatario di provvedimenti giudiziari che applicano le sanzioni amministrative di cui al d.lgs. 231/2001',
    'for entities: no sanctions under D.Lgs. 231/2001',
    null,
    'K',
  ),
  cc: fact('cc', 'qualità di vivenza a carico', 'being a dependant of someone'),
  dd: fact(
    'dd',
    'tutti i dati a diretta conoscenza dell’interessato contenuti nei registri dello stato civile',
    'all data directly known to the person that are contained in civil-status registers',
  ),
  ee: fact(
    'ee',
    'di non trovarsi in stato di liquidazione o di fallimento e di non aver presentato domanda di concordato',
    'not in liquidation or bankruptcy, and no concordato application filed',
    null,
    'K',
  ),
};

export function isArt46Letter(value: unknown): value is Art46Letter {
  return typeof value === 'string' && (ART46_LETTERS as readonly string[]).includes(value);
}

export function isPrefilledLetter(letter: Art46Letter): letter is PrefilledLetter {
  return (PREFILLED_LETTERS as readonly string[]).includes(letter);
}
