/**
 * A plausible address in the comune. Casale draws from its real street list and frazioni; the
 * small comuni, for which we have no street data, from a hand-written list.
 */
import type { Address } from '../../shared/registry/model';
import type { Scope } from './household-draft';
import type { StreetChoice } from './pools';

export function pickAddress(s: Scope): Address {
  const rng = s.rng;
  let street: StreetChoice;
  if (!s.isCasale && s.smallStreets) {
    street = s.smallStreets.pick(rng);
  } else if (rng.chance(s.pools.casaleFrazioneShare)) {
    const f = s.pools.casaleFrazioni.pick(rng);
    street =
      f.streets.length > 0 && rng.chance(0.4)
        ? rng.pick(f.streets)
        : // "Frazione" is an official street prefix (DUG): "Frazione Vialarda 12".
          {
            streetType: 'Frazione',
            streetName: f.name,
            cap: s.comune.cap,
            frazione: f.name,
            maxNumber: 80,
          };
  } else {
    street = s.pools.casaleCentre.pick(rng);
  }
  // Squared uniform: low house numbers are commoner, as most streets are short.
  const u = rng.next();
  let houseNumber = String(1 + Math.floor(u * u * street.maxNumber));
  const suffix = rng.next();
  if (suffix < 0.05) houseNumber += '/A';
  else if (suffix < 0.07) houseNumber += ' bis';
  else if (suffix < 0.08) houseNumber += '/B';
  // Flats (and so interior numbers) are usual in town, rare in the villages and frazioni.
  const urban = s.isCasale && street.frazione === '';
  let interior = '';
  if (rng.chance(urban ? 0.5 : 0.1)) {
    const flat = 1 + rng.int(urban ? 20 : 4);
    const k = rng.next();
    interior =
      k < 0.7
        ? `int. ${flat}`
        : k < 0.9
          ? `scala ${'ABCD'[rng.int(4)] ?? 'A'} int. ${flat}`
          : `piano ${rng.int(6)}`;
  }
  return {
    streetType: street.streetType,
    streetName: street.streetName,
    houseNumber,
    interior,
    cap: street.cap || s.comune.cap,
    frazione: street.frazione,
  };
}
