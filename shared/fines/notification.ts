import { addDays, compareIsoDates, type IsoDate } from '../calendar/iso-date';

/**
 * When a verbale counts as notified: the day from which the terms of art. 202 and 203 CdS run
 * (that day itself is not counted; the first day of the term is the next one).
 *
 * - hand: contestation on the spot (art. 200 CdS) or delivery by hand: the day of delivery.
 * - post: delivered to the addressee (or a person entitled to receive it): the day on the
 *   return receipt.
 * - cad: the addressee was absent, the envelope was deposited at the post office and a CAD
 *   (comunicazione di avvenuto deposito) was sent (L. 890/1982 art. 8). DOMAIN.md §4.1: the term
 *   runs from the actual collection if it happens within 10 days, otherwise from the 10th day of
 *   storage ("compiuta giacenza"); Garbagnate's "11th day from dispatch of the CAD" is the same
 *   rule seen from the first counted day. The 10 days are `cadPerfectedAfterDays` in the rules.
 */
export type Notification =
  | { mode: 'hand'; deliveredOn: IsoDate }
  | { mode: 'post'; deliveredOn: IsoDate }
  | {
      mode: 'cad';
      /** start of storage at the post office = dispatch of the CAD (L. 890/1982 art. 8 c.4) */
      depositedOn: IsoDate;
      /** the day the envelope was collected, if it was */
      collectedOn?: IsoDate | null;
    };

export interface NotificationOutcome {
  /** the day the verbale counts as notified (not itself counted in the terms) */
  notifiedOn: IsoDate;
  how: 'hand' | 'post' | 'cad-collected' | 'cad-compiuta-giacenza';
  /**
   * true when the envelope lies uncollected and storage has not ended on the day asked about:
   * if it is collected, notification will be that (earlier) day and every term shortens
   */
  provisional: boolean;
}

export function notificationOutcome(
  notification: Notification,
  cadPerfectedAfterDays: number,
  onDate: IsoDate,
): NotificationOutcome {
  if (notification.mode !== 'cad') {
    return { notifiedOn: notification.deliveredOn, how: notification.mode, provisional: false };
  }
  const giacenza = addDays(notification.depositedOn, cadPerfectedAfterDays);
  const collected = notification.collectedOn ?? null;
  if (collected !== null && compareIsoDates(collected, giacenza) <= 0) {
    return { notifiedOn: collected, how: 'cad-collected', provisional: false };
  }
  return {
    notifiedOn: giacenza,
    how: 'cad-compiuta-giacenza',
    provisional: collected === null && compareIsoDates(onDate, giacenza) < 0,
  };
}
