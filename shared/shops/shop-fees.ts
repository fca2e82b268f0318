import type { IsoDate } from '../calendar/iso-date';
import { shopFeeRowOn } from './shop-data';
import type { FilingKind } from './shop-events';

export interface ShopFeeLine {
  code: 'diritti_scia' | 'asl' | 'bollo' | 'diritti_comunicazione';
  label: { it: string; en: string };
  cents: number;
}

/**
 * What a filing costs (DOMAIN.md §11.2, Codogno 2023 as the model; per-comune dated data in
 * shop-data.ts [U]): a SCIA pays the SUAP's diritti and the bollo; a SCIA unica for food adds the
 * ASL's fee for the notifica sanitaria; a comunicazione pays the comune's diritti for it (none
 * known: zero) and no bollo [U]. Integer cents.
 */
export function shopFeeLines(kind: FilingKind, comune: string, on: IsoDate): ShopFeeLine[] {
  const row = shopFeeRowOn(comune, on);
  if (!row) return [];
  const lines: ShopFeeLine[] =
    kind === 'comunicazione'
      ? [
          {
            code: 'diritti_comunicazione',
            label: { it: 'Diritti SUAP (comunicazione)', en: 'SUAP fee (notice)' },
            cents: row.comunicazioneDirittiCents,
          },
        ]
      : [
          {
            code: 'diritti_scia',
            label: { it: 'Diritti SUAP (SCIA)', en: 'SUAP fee (SCIA)' },
            cents: row.sciaDirittiCents,
          },
          { code: 'bollo', label: { it: 'Imposta di bollo', en: 'Stamp duty' }, cents: row.bolloCents },
        ];
  if (kind === 'scia_unica') {
    lines.push({
      code: 'asl',
      label: { it: 'Diritti ASL (notifica sanitaria)', en: 'ASL fee (health notification)' },
      cents: row.aslFoodCents,
    });
  }
  return lines.filter((l) => l.cents > 0);
}

export const shopFeeCents = (kind: FilingKind, comune: string, on: IsoDate): number =>
  shopFeeLines(kind, comune, on).reduce((sum, l) => sum + l.cents, 0);
