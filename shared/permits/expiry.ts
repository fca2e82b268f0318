import { addDays, compareIsoDates, daysBetween, isWithin, type IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import { formatDate } from '../i18n/registry-labels';
import { isTemporaryKind, PERMIT_KIND_LABELS } from './permit-kinds';
import type { PermitRecord } from './permit-wire';

/**
 * Permits about to expire, and the notice sent to their holders (DOMAIN.md §5.3: "renewal
 * reminder before expiry" for the CUDE; the same courtesy for the others).
 *
 * Left out: temporary tickets (30 minutes), permits not active (revoked, superseded, or with a
 * revocation proposed: no reminder for a permit that is being withdrawn), and permits already
 * renewed (a standing permit has `renewsId` pointing at them).
 */
export function expiringWithin(
  permits: readonly PermitRecord[],
  today: IsoDate,
  days: number,
): PermitRecord[] {
  const last = addDays(today, days);
  const renewed = new Set(
    permits
      .filter((p) => p.renewsId !== null && (p.status === 'active' || p.status === 'revocation_proposed'))
      .map((p) => p.renewsId),
  );
  return permits
    .filter(
      (p) =>
        p.status === 'active' &&
        !isTemporaryKind(p.kind) &&
        !renewed.has(p.id) &&
        isWithin(p.validTo, today, last),
    )
    .sort(
      (a, b) =>
        compareIsoDates(a.validTo, b.validTo) || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
    );
}

export interface ExpiryNoticeOptions {
  /** "Casale Monferrato" */
  comuneName: string;
  today: IsoDate;
  /** where to renew: "Ufficio Polizia Locale, via …", shown as given */
  office: string;
}

export interface ExpiryNotice {
  subject: string;
  body: string;
}

/** What the holder brings to renew, per family (DOMAIN.md §5.1, §5.3). */
const RENEWAL_DOCUMENTS: Record<
  'ztl' | 'sosta' | 'cude_permanente' | 'cude_temporaneo',
  Record<Locale, string>
> = {
  ztl: {
    it: 'un documento d’identità e la carta di circolazione del veicolo',
    en: 'an identity document and the vehicle registration certificate',
  },
  sosta: {
    it: 'un documento d’identità e la carta di circolazione del veicolo',
    en: 'an identity document and the vehicle registration certificate',
  },
  cude_permanente: {
    it: 'un documento d’identità, il contrassegno in scadenza e il certificato del medico curante che conferma il persistere delle condizioni',
    en: 'an identity document, the expiring card and a certificate from the treating doctor confirming that the condition persists',
  },
  cude_temporaneo: {
    it: 'un documento d’identità, il contrassegno in scadenza e una nuova certificazione dell’ASL',
    en: 'an identity document, the expiring card and a new ASL certification',
  },
};

function documentsFor(p: PermitRecord, locale: Locale): string {
  if (p.kind === 'cude_permanente' || p.kind === 'cude_temporaneo') return RENEWAL_DOCUMENTS[p.kind][locale];
  return RENEWAL_DOCUMENTS[p.kind.startsWith('sosta_') ? 'sosta' : 'ztl'][locale];
}

/**
 * The letter or e-mail telling the holder the permit expires. No health data: a CUDE notice
 * names the card, never the certificate or the condition (DOMAIN.md §12).
 */
export function expiryNotice(permit: PermitRecord, locale: Locale, opts: ExpiryNoticeOptions): ExpiryNotice {
  const kind = PERMIT_KIND_LABELS[permit.kind][locale];
  const until = formatDate(permit.validTo);
  const left = daysBetween(opts.today, permit.validTo);
  const plates = permit.plates
    .map((p) => (p.country === 'I' ? p.plate : `${p.plate} (${p.country})`))
    .join(', ');
  const documents = documentsFor(permit, locale);
  if (locale === 'it') {
    const when =
      left === 0 ? 'scade oggi' : left === 1 ? 'scade domani' : `scade il ${until}, tra ${left} giorni`;
    return {
      subject: `Comune di ${opts.comuneName} – ${kind} n. ${permit.number} in scadenza il ${until}`,
      body: [
        `Gentile ${permit.holderName},`,
        '',
        `il Suo permesso «${kind}» n. ${permit.number}${plates ? ` (targa ${plates})` : ''} ${when}.`,
        `Per rinnovarlo si presenti a: ${opts.office}, con ${documents}.`,
        'Se lo rinnova prima della scadenza, il nuovo permesso decorre dal giorno successivo alla scadenza di quello attuale.',
        'Se non intende rinnovarlo, non deve fare nulla.',
        '',
        `Comune di ${opts.comuneName}`,
      ].join('\n'),
    };
  }
  const when =
    left === 0 ? 'expires today' : left === 1 ? 'expires tomorrow' : `expires on ${until}, in ${left} days`;
  return {
    subject: `Comune di ${opts.comuneName} – ${kind} no. ${permit.number} expiring on ${until}`,
    body: [
      `Dear ${permit.holderName},`,
      '',
      `your permit “${kind}” no. ${permit.number}${plates ? ` (plate ${plates})` : ''} ${when}.`,
      `To renew it, please come to: ${opts.office}, with ${documents}.`,
      'If you renew it before it expires, the new permit starts on the day after the current one ends.',
      'If you do not wish to renew it, there is nothing to do.',
      '',
      `Comune di ${opts.comuneName}`,
    ].join('\n'),
  };
}
