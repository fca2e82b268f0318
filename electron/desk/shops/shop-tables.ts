/**
 * The counter's mirror of the comune's register of shops (migration 2026_12_07_1000_shops), for
 * lookups offline: the wire record as JSON (shared/shops/shop-wire.ts) and the columns the
 * register's search reads.
 */
export interface ShopsTable {
  id: string;
  sign_name: string;
  company_name: string;
  partita_iva: string;
  street_name: string;
  status: string;
  record: string;
  /** 1 once the hub has sent the record (its change log), 0 while only ours */
  confirmed: number;
}

/** A filing's fee taken in cash at this counter: a line of the clerk's till. */
export interface ShopFeesTable {
  filing_id: string;
  shop_id: string;
  session_id: string;
  amount_cents: number;
  paid_at: string;
  /** the shop's sign and the event, for the till's list */
  label: string;
}

export interface ShopDeskTables {
  shops: ShopsTable;
  shop_fees: ShopFeesTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends ShopDeskTables {}
}
