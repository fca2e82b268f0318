/**
 * The destination sentence every certificate must carry (DOMAIN.md §1.6, §14 fact 7).
 *
 * - DPR 445/2000 art. 40 c.01 (added by L. 183/2011 art. 15): with public administrations and
 *   private operators of public services, certificates are always replaced by the
 *   self-declarations of arts. 46-47. A certificate is therefore never issued "for the PA":
 *   there is no such destination here.
 * - Art. 40 c.02: a certificate for use between private parties in Italy carries, ON PAIN OF
 *   NULLITY, the sentence in `FOOTER_TEXT.private_it`.
 * - Funzione Pubblica circular 5/2012: a certificate for use abroad does not carry that sentence
 *   but the one in `FOOTER_TEXT.abroad`.
 *
 * A certificate without one of the two is impossible to build: `Certificate.footer` is a required
 * `CertificateFooter`, which only `footerFor` makes, and `checkCertificate` verifies at run time
 * that the footer matches the destination and is the document's last line.
 */

export const CERTIFICATE_DESTINATIONS = ['private_it', 'abroad'] as const;
export type CertificateDestination = (typeof CERTIFICATE_DESTINATIONS)[number];

export const FOOTER_TEXT = {
  private_it:
    'Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi.',
  abroad:
    "Ai sensi dell'art. 40, d.P.R. 28 dicembre 2000, n. 445, il presente certificato è rilasciato solo per l'estero.",
} as const satisfies Record<CertificateDestination, string>;

export const FOOTER_LAW = {
  private_it: 'd.P.R. 445/2000 art. 40 c.02 (L. 183/2011 art. 15)',
  abroad: 'd.P.R. 445/2000 art. 40; circolare Funzione Pubblica 5/2012',
} as const satisfies Record<CertificateDestination, string>;

declare const FOOTER_BRAND: unique symbol;

/** The footer of one destination; the brand keeps hand-made objects out of a certificate. */
export type CertificateFooter = {
  [D in CertificateDestination]: {
    readonly destination: D;
    readonly text: (typeof FOOTER_TEXT)[D];
    readonly law: (typeof FOOTER_LAW)[D];
    readonly [FOOTER_BRAND]: true;
  };
}[CertificateDestination];

export function isCertificateDestination(value: unknown): value is CertificateDestination {
  return typeof value === 'string' && (CERTIFICATE_DESTINATIONS as readonly string[]).includes(value);
}

/** The footer for a destination. Throws on anything else (a programming error past the boundary). */
export function footerFor<D extends CertificateDestination>(
  destination: D,
): Extract<CertificateFooter, { destination: D }> {
  if (!isCertificateDestination(destination)) {
    throw new RangeError(`Not a certificate destination: ${JSON.stringify(destination)}`);
  }
  const footer = { destination, text: FOOTER_TEXT[destination], law: FOOTER_LAW[destination] };
  return Object.freeze(footer) as unknown as Extract<CertificateFooter, { destination: D }>;
}

/** Whether `footer` is exactly the footer of `destination` (run-time check for stored or relayed data). */
export function isFooterOf(footer: unknown, destination: unknown): boolean {
  if (!isCertificateDestination(destination) || typeof footer !== 'object' || footer === null) return false;
  const f = footer as { destination?: unknown; text?: unknown };
  return f.destination === destination && f.text === FOOTER_TEXT[destination];
}
