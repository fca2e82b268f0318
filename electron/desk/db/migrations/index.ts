import { serviceMigrations } from '../../services/merge';
import type { Migration } from 'kysely';
import * as m0900 from './2026_11_26_0900_create_registry_mirror';
import * as m1200 from './2026_11_26_1200_sync_engine';
import * as m1400 from './2026_11_26_1400_documents';
import * as m1500 from './2026_11_26_1500_cashdesk';
import * as m20261206_1400 from './2026_12_06_1400_push_keys';
import * as m20261206_1610 from './2026_12_06_1610_quarantined_changes';
import * as m20261206_1630 from './2026_12_06_1630_certificate_fees';
import * as m20261206_1640 from './2026_12_06_1640_offline_attempts';
import * as m20261207_0200 from './2026_12_07_0200_search_keys';
import * as m20261207_0600 from './2026_12_07_0600_identity_cards';
import * as m20261208_0900 from './2026_12_08_0900_covering_search';

/**
 * Bundled statically: in a packaged app there is no migrations folder to read at runtime.
 * Append new migrations here; never edit one that has landed.
 */
const coreMigrations: Record<string, Migration> = {
  '2026_11_26_0900_create_registry_mirror': m0900,
  '2026_11_26_1200_sync_engine': m1200,
  '2026_11_26_1400_documents': m1400,
  '2026_11_26_1500_cashdesk': m1500,
  '2026_12_06_1400_push_keys': m20261206_1400,
  '2026_12_06_1610_quarantined_changes': m20261206_1610,
  '2026_12_06_1630_certificate_fees': m20261206_1630,
  '2026_12_06_1640_offline_attempts': m20261206_1640,
  '2026_12_07_0200_search_keys': m20261207_0200,
  '2026_12_07_0600_identity_cards': m20261207_0600,
  '2026_12_08_0900_covering_search': m20261208_0900,
};

/** The core's and each registered service's (Kysely runs them in name order). */
export const deskMigrations = (): Record<string, Migration> => ({
  ...coreMigrations,
  ...serviceMigrations(),
});
