import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_DESTINATIONS,
  FOOTER_TEXT,
  footerFor,
  isCertificateDestination,
  isFooterOf,
} from './footers';

describe('destination footers', () => {
  it('private use in Italy: the sentence of art. 40 c.02 DPR 445/2000, word for word', () => {
    expect(footerFor('private_it')).toEqual({
      destination: 'private_it',
      text: 'Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi.',
      law: 'd.P.R. 445/2000 art. 40 c.02 (L. 183/2011 art. 15)',
    });
  });

  it('abroad: the circular 5/2012 sentence', () => {
    expect(footerFor('abroad').text).toBe(
      "Ai sensi dell'art. 40, d.P.R. 28 dicembre 2000, n. 445, il presente certificato è rilasciato solo per l'estero.",
    );
  });

  it('there is no destination for public administrations', () => {
    expect(CERTIFICATE_DESTINATIONS).toEqual(['private_it', 'abroad']);
    for (const bad of ['pa', 'PRIVATE_IT', '', null, undefined, 3]) {
      expect(isCertificateDestination(bad)).toBe(false);
      expect(() => footerFor(bad as never)).toThrow(RangeError);
    }
  });

  it('checks a footer against a destination', () => {
    expect(isFooterOf(footerFor('abroad'), 'abroad')).toBe(true);
    expect(isFooterOf(footerFor('abroad'), 'private_it')).toBe(false);
    expect(isFooterOf({ destination: 'private_it', text: FOOTER_TEXT.abroad }, 'private_it')).toBe(false);
    expect(isFooterOf(null, 'private_it')).toBe(false);
    expect(Object.isFrozen(footerFor('private_it'))).toBe(true);
  });
});
