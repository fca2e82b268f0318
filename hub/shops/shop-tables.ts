/**
 * The register of shops of every comune at the hub, the authority (partition column `comune`).
 * `record` is the wire record (shared/shops/shop-wire.ts) as JSON; the other columns are what the
 * lookups read (the SCIA check of a case, the register by status).
 */
export interface ShopsTable {
  id: string;
  comune: string;
  sign_name: string;
  partita_iva: string;
  street_name: string;
  status: string;
  /** the case of the SCIA under check (or last checked), for the case engine's decisions */
  scia_case_id: string | null;
  record: string;
  updated_at: string;
}

/** A filing's fee paid in cash into a clerk's till (the till's closing check counts it). */
export interface ShopFeesTable {
  filing_id: string;
  comune: string;
  shop_id: string;
  session_id: string;
  amount_cents: number;
  paid_at: string;
}

export interface ShopHubTables {
  shops: ShopsTable;
  shop_fees: ShopFeesTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubDatabase extends ShopHubTables {}
}
