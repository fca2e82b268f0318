import type { Selectable } from 'kysely';

/**
 * The counter's mirror of the social-services records (migration 2026_12_07_0000_social): the
 * hub's record (shared/social/social-wire.ts) as JSON, with the columns the lists search on
 * beside it. Special-category data (DOMAIN.md §12.1): only the social office's calls read them,
 * every read is audited, and a revoked workstation empties these tables first.
 */
export interface SocialContributiTable {
  id: string;
  case_id: string;
  comune: string;
  status: string;
  beneficiary_id: string;
  applied_on: string;
  record: string;
  /** 1 once the hub has sent the record back (its change log), 0 while only ours */
  confirmed: number;
}
export type SocialContributoRow = Selectable<SocialContributiTable>;

export interface SocialSadTable {
  id: string;
  case_id: string;
  comune: string;
  status: string;
  beneficiary_id: string;
  applied_on: string;
  /** place on the waiting list (1 = next), null when not waiting */
  waiting_position: number | null;
  record: string;
  confirmed: number;
}
export type SocialSadRow = Selectable<SocialSadTable>;

export interface SocialDeskTables {
  social_contributi: SocialContributiTable;
  social_sad: SocialSadTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends SocialDeskTables {}
}
