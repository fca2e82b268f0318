import type { Locale } from '../i18n/locale';
import type { BookableServiceKey } from './slot-plan-casale';

/**
 * What to bring, per bookable service, printed in the booking confirmation and on the booking
 * page. The point is the trip saved: a visitor without the right paper is sent home and comes
 * back another day (the benchmark counts 8 % of walk-ins against 2 % of those who read this).
 * Amounts are named only where the law fixes them.
 */
export interface ServiceBriefing {
  label: Record<Locale, string>;
  bring: Record<Locale, readonly string[]>;
}

export const WHAT_TO_BRING: Readonly<Record<BookableServiceKey, ServiceBriefing>> = {
  cie: {
    label: { it: 'Carta d’identità elettronica (CIE)', en: 'Electronic identity card (CIE)' },
    bring: {
      it: [
        'Il documento d’identità scaduto o in scadenza; in caso di furto o smarrimento, la denuncia',
        'Una fototessera recente su sfondo bianco, come indicato dal Ministero dell’interno',
        'La tessera sanitaria (codice fiscale)',
        'Il corrispettivo: € 16,79 allo Stato più i diritti fissati dal comune',
        'Per un minore: la presenza di entrambi i genitori o l’assenso dell’altro per la validità all’espatrio',
      ],
      en: [
        'Your expired or expiring identity document; if stolen or lost, the police report',
        'A recent passport photo on a white background, as the Ministry of the Interior specifies',
        'Your health card (codice fiscale)',
        'The fee: €16.79 to the State plus the fees set by the comune',
        'For a minor: both parents present, or the other parent’s consent for travel abroad',
      ],
    },
  },
  certificate: {
    label: { it: 'Certificato anagrafico', en: 'Registry certificate' },
    bring: {
      it: [
        'Un documento d’identità',
        'Una marca da bollo da € 16,00 per ogni certificato, salvo esenzione (indicare l’uso)',
      ],
      en: [
        'An identity document',
        'A €16.00 revenue stamp for each certificate, unless exempt (state the use)',
      ],
    },
  },
  self_declaration: {
    label: { it: 'Autocertificazione', en: 'Self-declaration' },
    bring: {
      it: ['Un documento d’identità (l’autocertificazione non paga bollo)'],
      en: ['An identity document (self-declarations carry no stamp duty)'],
    },
  },
  residence_change: {
    label: { it: 'Cambio di residenza', en: 'Change of residence' },
    bring: {
      it: [
        'Un documento d’identità e il codice fiscale di ogni persona che si trasferisce',
        'Il titolo per abitare l’alloggio: contratto d’affitto registrato, atto di proprietà o comodato',
        'Patente e libretti di circolazione dei veicoli intestati',
        'Per i cittadini non UE: passaporto e permesso di soggiorno',
        'La firma di tutti i maggiorenni che si trasferiscono',
      ],
      en: [
        'An identity document and the tax code of everyone moving',
        'Your title to live there: registered lease, deed of ownership or loan for use (comodato)',
        'Driving licence and registration documents of your vehicles',
        'For non-EU citizens: passport and residence permit',
        'The signature of every adult who is moving',
      ],
    },
  },
  payment: {
    label: { it: 'Pagamento di avvisi e multe', en: 'Paying notices and fines' },
    bring: {
      it: [
        'L’avviso di pagamento o il verbale (numero avviso o codice)',
        'Una carta di pagamento o contanti',
      ],
      en: ['The payment notice or the fine (notice number or code)', 'A payment card or cash'],
    },
  },
  permit: {
    label: { it: 'Permessi (ZTL, sosta, contrassegno)', en: 'Permits (ZTL, parking, disabled card)' },
    bring: {
      it: [
        'Un documento d’identità',
        'Il libretto di circolazione di ogni veicolo',
        'Per il contrassegno disabili: il certificato medico-legale',
      ],
      en: [
        'An identity document',
        'The registration document of each vehicle',
        'For the disabled parking card: the medical certificate',
      ],
    },
  },
};

/** The list for a service in the page's language (empty for a service without one). */
export function whatToBring(serviceKey: string, locale: Locale): readonly string[] {
  const briefing = (WHAT_TO_BRING as Readonly<Record<string, ServiceBriefing | undefined>>)[serviceKey];
  return briefing?.bring[locale] ?? [];
}

/** A service's name as people read it (the counter bar, the wait figures); its key if it has none. */
export function serviceLabel(serviceKey: string, locale: Locale): string {
  const briefing = (WHAT_TO_BRING as Readonly<Record<string, ServiceBriefing | undefined>>)[serviceKey];
  return briefing?.label[locale] ?? serviceKey;
}
