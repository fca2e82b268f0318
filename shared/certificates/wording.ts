import { formatDate } from '../i18n/registry-labels';
import type { Address, CivilStatus, Relationship, Sex } from '../registry/model';

/**
 * Small pieces of the Italian wording of registry documents. Certificates are Italian documents:
 * they print in Italian whatever the clerk's screen language; only messages are bilingual.
 * No Intl: a printed document must not change with the runtime's ICU data.
 */

/** "ROSSI MARIO": registry documents print names in capitals. */
export function printedName(person: { surname: string; givenNames: string }): string {
  return `${person.surname} ${person.givenNames}`.trim().toUpperCase();
}

/** The masculine or feminine form: agree('M', 'nato', 'nata'). */
export function agree(sex: Sex, masculine: string, feminine: string): string {
  return sex === 'F' ? feminine : masculine;
}

/** "nato a Casale Monferrato il 09/07/1972" */
export function bornPhrase(person: { sex: Sex; birthPlaceName: string; birthDate: string }): string {
  return `${agree(person.sex, 'nato', 'nata')} a ${person.birthPlaceName} il ${formatDate(person.birthDate)}`;
}

/** Civil status as printed, in the form agreeing with the person's sex ("coniugata"). */
const CIVIL_STATUS_WORDING: Readonly<Record<CivilStatus, readonly [string, string]>> = {
  celibe_nubile: ['celibe', 'nubile'],
  coniugato: ['coniugato', 'coniugata'],
  vedovo: ['vedovo', 'vedova'],
  divorziato: ['divorziato', 'divorziata'],
  unito_civilmente: ['unito civilmente', 'unita civilmente'],
};

export function civilStatusWording(status: CivilStatus, sex: Sex): string {
  const [m, f] = CIVIL_STATUS_WORDING[status];
  return agree(sex, m, f);
}

/** What the household order reads of a member. */
export interface HouseholdOrderKey {
  relationship: Relationship | null;
  person: { id: string; surname: string; givenNames: string; birthDate: string };
}

/**
 * The order a stato di famiglia prints its members, on the certificate and on the
 * self-declaration alike: intestatario first, then by date of birth, then (twins) by printed
 * name, then by id. Plain code-unit order, not localeCompare: the printed order must not depend
 * on the runtime's ICU data.
 */
export function householdOrder(a: HouseholdOrderKey, b: HouseholdOrderKey): number {
  const head = Number(b.relationship === 'intestatario') - Number(a.relationship === 'intestatario');
  if (head !== 0) return head;
  if (a.person.birthDate !== b.person.birthDate) return a.person.birthDate < b.person.birthDate ? -1 : 1;
  const [x, y] = [
    `${printedName(a.person)}\u0000${a.person.id}`,
    `${printedName(b.person)}\u0000${b.person.id}`,
  ];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "Via Roma n. 10, int. 3, fraz. Popolo, 15033 Casale Monferrato (AL)" */
export function formatAddress(address: Address, comuneName: string, province: string): string {
  const street = [address.streetType, address.streetName].filter((s) => s.trim() !== '').join(' ');
  const parts = [address.houseNumber.trim() === '' ? street : `${street} n. ${address.houseNumber.trim()}`];
  if (address.interior.trim() !== '') parts.push(address.interior.trim());
  if (address.frazione.trim() !== '') parts.push(`fraz. ${address.frazione.trim()}`);
  const place = province.trim() === '' ? comuneName : `${comuneName} (${province})`;
  parts.push(`${address.cap} ${place}`.trim());
  return parts.join(', ');
}

/** "a, b e c" (the conjunction is "E" in capital titles) */
export function joinItalian(items: readonly string[], conjunction: 'e' | 'E' = 'e'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Relationship to the head of household as printed on a stato di famiglia con rapporti di parentela. */
export function relationshipWording(relationship: Relationship, sex: Sex): string {
  const words: Record<Relationship, [string, string]> = {
    intestatario: ['intestatario scheda', 'intestataria scheda'],
    coniuge: ['coniuge', 'coniuge'],
    unito_civilmente: ['unito civilmente', 'unita civilmente'],
    convivente: ['convivente', 'convivente'],
    figlio: ['figlio', 'figlia'],
    genitore: ['padre', 'madre'],
    fratello_sorella: ['fratello', 'sorella'],
    nipote: ['nipote', 'nipote'],
    suocero: ['suocero', 'suocera'],
    altro: ['altro componente', 'altro componente'],
  };
  const [m, f] = words[relationship];
  return agree(sex, m, f);
}
