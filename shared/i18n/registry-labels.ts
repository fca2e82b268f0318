import type { CivilStatus, Relationship, ResidentEventKind, ResidentStatus, Sex } from '../registry/model';
import type { Locale } from './locale';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** Wording of registry facts, as the counter and (later) certificates print them. */
export const RELATIONSHIP_LABELS: Labels<Relationship> = {
  intestatario: { it: 'Intestatario scheda', en: 'Head of household' },
  coniuge: { it: 'Coniuge', en: 'Spouse' },
  unito_civilmente: { it: 'Unito/a civilmente', en: 'Civil partner' },
  convivente: { it: 'Convivente', en: 'Cohabitant' },
  figlio: { it: 'Figlio/a', en: 'Child' },
  genitore: { it: 'Genitore', en: 'Parent' },
  fratello_sorella: { it: 'Fratello/sorella', en: 'Sibling' },
  nipote: { it: 'Nipote', en: 'Grandchild' },
  suocero: { it: 'Suocero/a', en: 'Parent-in-law' },
  altro: { it: 'Altro', en: 'Other' },
};

export const STATUS_LABELS: Labels<ResidentStatus> = {
  resident: { it: 'Residente', en: 'Resident' },
  deceased: { it: 'Deceduto/a', en: 'Deceased' },
  emigrated: { it: 'Emigrato/a', en: 'Emigrated' },
};

export const CIVIL_STATUS_LABELS: Record<CivilStatus, Record<Locale, Record<Sex, string>>> = {
  celibe_nubile: { it: { M: 'Celibe', F: 'Nubile' }, en: { M: 'Single', F: 'Single' } },
  coniugato: { it: { M: 'Coniugato', F: 'Coniugata' }, en: { M: 'Married', F: 'Married' } },
  vedovo: { it: { M: 'Vedovo', F: 'Vedova' }, en: { M: 'Widowed', F: 'Widowed' } },
  divorziato: { it: { M: 'Divorziato', F: 'Divorziata' }, en: { M: 'Divorced', F: 'Divorced' } },
  unito_civilmente: {
    it: { M: 'Unito civilmente', F: 'Unita civilmente' },
    en: { M: 'In a civil union', F: 'In a civil union' },
  },
};

export const EVENT_LABELS: Labels<ResidentEventKind> = {
  birth: { it: 'Nascita', en: 'Birth' },
  immigration: { it: 'Immigrazione', en: 'Immigration' },
  address_change: { it: 'Cambio di indirizzo', en: 'Change of address' },
  marriage: { it: 'Matrimonio', en: 'Marriage' },
  emigration: { it: 'Emigrazione', en: 'Emigration' },
  death: { it: 'Decesso', en: 'Death' },
};

/** "09/07/1972": the register's form, kept in both languages so a clerk reads the same date. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "Italiana"-style adjectives vary by sex and country; the register prints the country: "Italia", "Albania". */
export function citizenshipLabel(iso2: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
}
