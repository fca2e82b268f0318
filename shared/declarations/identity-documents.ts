import type { Locale } from '../i18n/locale';

/**
 * Identity documents a declarant may be identified with (DPR 445/2000 art. 35: the identity card
 * and the equivalent documents of c.2). Not a dated table: the list is the law's and has not
 * changed in a way this module needs; add a row when the comune accepts another document.
 */
export interface IdentityDocumentType {
  code: string;
  label: Record<Locale, string>;
  legalReference: string;
}

const ART_35 = 'art. 35, d.P.R. 445/2000';

export const IDENTITY_DOCUMENT_TYPES: readonly IdentityDocumentType[] = [
  {
    code: 'cie',
    label: { it: 'carta d’identità elettronica', en: 'electronic identity card' },
    legalReference: ART_35,
  },
  {
    code: 'carta_identita',
    label: { it: 'carta d’identità', en: 'identity card (paper)' },
    legalReference: ART_35,
  },
  { code: 'passaporto', label: { it: 'passaporto', en: 'passport' }, legalReference: ART_35 },
  { code: 'patente_guida', label: { it: 'patente di guida', en: 'driving licence' }, legalReference: ART_35 },
  {
    code: 'patente_nautica',
    label: { it: 'patente nautica', en: 'boating licence' },
    legalReference: ART_35,
  },
  {
    code: 'libretto_pensione',
    label: { it: 'libretto di pensione', en: 'pension book' },
    legalReference: ART_35,
  },
  {
    code: 'patentino_impianti_termici',
    label: {
      it: 'patentino di abilitazione alla conduzione di impianti termici',
      en: 'heating-plant operator licence',
    },
    legalReference: ART_35,
  },
  { code: 'porto_armi', label: { it: 'porto d’armi', en: 'firearms licence' }, legalReference: ART_35 },
  {
    code: 'tessera_riconoscimento',
    label: {
      it: 'tessera di riconoscimento con fotografia rilasciata da un’amministrazione dello Stato',
      en: 'State identification card with photograph',
    },
    legalReference: ART_35,
  },
];

export function identityDocumentType(
  code: string,
  table: readonly IdentityDocumentType[] = IDENTITY_DOCUMENT_TYPES,
): IdentityDocumentType | null {
  return table.find((d) => d.code === code) ?? null;
}

/** "ca 12345 ab" → "CA12345AB"; null unless 5-20 letters and digits remain. */
export function normalizeDocumentNumber(raw: string | null | undefined): string | null {
  const text = (raw ?? '').replace(/[\s\u00a0-]/g, '').toUpperCase();
  return /^[A-Z0-9]{5,20}$/.test(text) ? text : null;
}
