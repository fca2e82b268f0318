/**
 * Social services at the hub, the authority (partition column `comune`). `record` is the wire
 * record (shared/social/social-wire.ts) as JSON; the other columns are what the lookups read.
 * Special-category data (DOMAIN.md §12.1): read only through the office's routes, audited.
 */
export interface SocialContributiTable {
  id: string;
  comune: string;
  beneficiary_id: string;
  case_id: string;
  status: string;
  record: string;
  updated_at: string;
}

export interface SocialSadTable {
  id: string;
  comune: string;
  beneficiary_id: string;
  beneficiary_cf: string;
  case_id: string;
  status: string;
  record: string;
  updated_at: string;
}

/** Hours the provider delivered in a month (its CSV), one row per user and month. */
export interface SocialSadHoursTable {
  comune: string;
  month: string;
  sad_id: string;
  hours: number;
  operators: number;
  imported_at: string;
}

/** A month's co-payment billed for a user: the idempotency of the billing run. */
export interface SocialSadBillsTable {
  comune: string;
  month: string;
  sad_id: string;
  hours: number;
  operators: number;
  hourly_rate_cents: number;
  amount_cents: number;
  /** null when nothing is due (exempt band) */
  notice_number: string | null;
  billed_at: string;
}

export interface SocialHubTables {
  social_contributi: SocialContributiTable;
  social_sad: SocialSadTable;
  social_sad_hours: SocialSadHoursTable;
  social_sad_bills: SocialSadBillsTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubDatabase extends SocialHubTables {}
}
