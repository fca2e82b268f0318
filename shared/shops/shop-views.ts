import type { IsoDate } from '../calendar/iso-date';
import type { FilingKind } from './shop-events';
import type { ShopFeeLine } from './shop-fees';
import type { SciaCheck, ShopRecord } from './shop-wire';

/**
 * What the shop screens receive from the desk core (shop-calls.ts): words and numbers to show,
 * the rules stay in shared/shops.
 */

export interface ShopView extends ShopRecord {
  /** "Via Roma 12" */
  address: string;
  /** a change of this counter the hub has not confirmed yet */
  pending: boolean;
}

export interface ShopRefusalView {
  code: string;
  message: string;
}

/** The live check of a filing being typed: nothing stored. */
export interface FilingCheckView {
  kind: FilingKind;
  /** "SCIA", "SCIA unica (con notifica sanitaria all’ASL)", "Comunicazione" */
  kindLabel: string;
  limitM2: number;
  /** "Esercizio di vicinato ≤ 250 m²: OK" or the refusal's words */
  classLine: string;
  classOk: boolean;
  fees: ShopFeeLine[];
  feeCents: number;
  /** SCIA: last day of the 60-day check if filed today */
  checkDueDate: IsoDate | null;
  refusal: ShopRefusalView | null;
}

export interface FiledView {
  shop: ShopView;
  kind: FilingKind;
  kindLabel: string;
  caseId: string;
  /** the hub's protocol number; null until the counter has synced */
  protocolNumber: string | null;
  checkDueDate: IsoDate | null;
  feeCents: number;
}

export interface CaseProtocolView {
  caseId: string;
  protocolNumber: string | null;
  status: string;
}

/** A SCIA awaiting its check, for the supervisors' list. */
export interface SciaDueView {
  shop: ShopView;
  scia: SciaCheck;
  daysLeft: number;
  protocolNumber: string | null;
}

export interface ShopLetterView {
  fileName: string;
  pdfBase64: string;
}
