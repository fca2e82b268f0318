import type { Kysely } from 'kysely';
import { addDays, type IsoDate } from '../../shared/calendar/iso-date';
import { partitaIvaCheckDigit } from '../../shared/codice-fiscale/partita-iva';
import type { Sector } from '../../shared/shops/shop-events';
import type { ShopRecord } from '../../shared/shops/shop-wire';
import { vicinatoLimit } from '../../shared/shops/size-class';
import type { HubDatabase } from '../db/database';
import { saveShop } from './shop-repository';

/** A valid VAT number: a company number, Alessandria's provincial office (006), the check digit. */
function demoPartitaIva(i: number): string {
  const firstTen = `${String(2_100_000 + i * 1_007).padStart(7, '0')}006`;
  return firstTen + partitaIvaCheckDigit(firstTen);
}

/**
 * Demo shops for `npm start`: active neighbourhood shops on the streets the comune's demo
 * registry lives in (Casale's real street list), within the comune's size class, opened over
 * the last fifteen years. Deterministic; written straight into the register and its change log
 * (no counter filed them), so their history starts with a note saying so.
 */

const TRADES: readonly { sign: string; sector: Sector }[] = [
  { sign: 'Panetteria', sector: 'alimentare' },
  { sign: 'Macelleria', sector: 'alimentare' },
  { sign: 'Frutta e verdura', sector: 'alimentare' },
  { sign: 'Alimentari', sector: 'misto' },
  { sign: 'Enoteca', sector: 'alimentare' },
  { sign: 'Ferramenta', sector: 'non_alimentare' },
  { sign: 'Libreria', sector: 'non_alimentare' },
  { sign: 'Abbigliamento', sector: 'non_alimentare' },
  { sign: 'Calzature', sector: 'non_alimentare' },
  { sign: 'Cartoleria', sector: 'non_alimentare' },
  { sign: 'Erboristeria', sector: 'misto' },
  { sign: 'Ottica', sector: 'non_alimentare' },
];
const FAMILY_NAMES = [
  'Rossi',
  'Ferraris',
  'Bianchi',
  'Gatti',
  'Lanza',
  'Barbero',
  'Cerutti',
  'Gallo',
  'Ricci',
  'Monti',
];

export interface DemoShopOptions {
  count: number;
  today: IsoDate;
}

export async function createDemoShops(
  db: Kysely<HubDatabase>,
  comune: string,
  opts: DemoShopOptions,
): Promise<number> {
  const streets = await db
    .selectFrom('families')
    .select(['street_type', 'street_name'])
    .distinct()
    .where('comune', '=', comune)
    .orderBy('street_name')
    .orderBy('street_type')
    .execute();
  if (streets.length === 0) return 0;
  const count = comune === 'B885' ? opts.count : Math.min(10, opts.count);
  const { limitM2 } = vicinatoLimit(comune, opts.today);
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const street = streets[(i * 7) % streets.length] ?? streets[0];
      const trade = TRADES[i % TRADES.length] ?? TRADES[0];
      const family = FAMILY_NAMES[(i * 3) % FAMILY_NAMES.length] ?? 'Rossi';
      if (!street || !trade) continue;
      const sales = 20 + ((i * 37) % (limitM2 - 20));
      const openedOn = addDays(opts.today, -(200 + ((i * 53) % 5200)));
      const shop: ShopRecord = {
        id: `demo-shop-${comune}-${i + 1}`,
        comune,
        signName: `${trade.sign} ${family}`,
        company: {
          name: `${trade.sign} ${family} di ${family} ${i % 2 === 0 ? 'Maria' : 'Paolo'}`,
          partitaIva: demoPartitaIva(i),
          rea: `AL-${200_000 + i}`,
          pec: `${family.toLowerCase()}${i + 1}@pec.demo.it`,
        },
        declarant: {
          surname: family,
          givenNames: i % 2 === 0 ? 'Maria' : 'Paolo',
          codiceFiscale: `DEMO${String(i).padStart(12, '0')}`,
          role: 'titolare',
        },
        streetType: street.street_type,
        streetName: street.street_name,
        houseNumber: String(1 + ((i * 11) % 90)),
        salesAreaM2: sales,
        totalAreaM2: sales + 15,
        sector: trade.sector,
        status: 'active',
        openedOn,
        closedOn: null,
        suspendedUntil: null,
        scia: null,
        history: [
          {
            filingId: `demo-${comune}-${i + 1}`,
            event: 'apertura',
            effectiveDate: openedOn,
            caseId: null,
            note: 'apertura (dato dimostrativo)',
          },
        ],
        notices: [],
      };
      await saveShop(trx, shop, at);
    }
  });
  return count;
}
