import type { IsoDate } from '../calendar/iso-date';
import { suspensionRuleOn } from './shop-data';

/**
 * The events of a shop's life (DOMAIN.md §11.2–11.3) and the kind of filing each is.
 * - SCIA (L. 241/1990 art. 19; D.Lgs. 114/1998 art. 7; D.Lgs. 222/2016 Table A): apertura,
 *   trasferimento di sede, ampliamento (within vicinato), variazione del settore merceologico.
 *   For food it is a "SCIA unica": the SCIA plus the notifica sanitaria (Reg. CE 852/2004) the
 *   SUAP forwards to the ASL.
 * - Comunicazione: subingresso, cessazione; sospensione and ripresa follow regional rules
 *   (Piedmont [U]) and are comunicazioni where the comune's row says so (shop-data.ts).
 */

export const SHOP_EVENTS = [
  'apertura',
  'trasferimento',
  'ampliamento',
  'variazione_settore',
  'subingresso',
  'sospensione',
  'ripresa',
  'cessazione',
] as const;
export type ShopEventType = (typeof SHOP_EVENTS)[number];

export const SECTORS = ['alimentare', 'non_alimentare', 'misto'] as const;
export type Sector = (typeof SECTORS)[number];

export const DECLARANT_ROLES = ['titolare', 'legale_rappresentante'] as const;
export type DeclarantRole = (typeof DECLARANT_ROLES)[number];

/** Food (alimentare or misto) needs the professional requirement and the notifica sanitaria. */
export const sellsFood = (sector: Sector): boolean => sector !== 'non_alimentare';

const SCIA_EVENTS: readonly ShopEventType[] = [
  'apertura',
  'trasferimento',
  'ampliamento',
  'variazione_settore',
];

export type FilingKind = 'scia' | 'scia_unica' | 'comunicazione';

/** Procedure codes of shared/cases/procedure-catalogue.ts for each filing kind. */
export const SCIA_PROCEDURE = 'scia_vicinato';
export const COMUNICAZIONE_PROCEDURE = 'comunicazione_vicinato';
export const SHOP_PROCEDURES = [SCIA_PROCEDURE, COMUNICAZIONE_PROCEDURE] as const;

export function filingKindOf(event: ShopEventType, sector: Sector, comune: string, on: IsoDate): FilingKind {
  if (!SCIA_EVENTS.includes(event)) {
    const suspension = event === 'sospensione' || event === 'ripresa';
    // a comune whose rules make suspension a SCIA-like filing gets the 60-day check [U]
    if (suspension && !suspensionRuleOn(comune, on).asComunicazione) return 'scia';
    return 'comunicazione';
  }
  return sellsFood(sector) ? 'scia_unica' : 'scia';
}

export const isScia = (kind: FilingKind): boolean => kind !== 'comunicazione';
export const procedureOfKind = (kind: FilingKind): string =>
  isScia(kind) ? SCIA_PROCEDURE : COMUNICAZIONE_PROCEDURE;
