import { serviceMigrations } from '../../services/merge';
import type { Migration } from 'kysely';
import * as m0900 from './2026_11_26_0900_create_hub';
import * as m1200 from './2026_11_26_1200_sync_engine';
import * as m1400 from './2026_11_26_1400_certificates';
import * as m1500 from './2026_11_26_1500_cashdesk';
import * as m20261206_1400 from './2026_12_06_1400_clerk_credentials';
import * as m20261206_1610 from './2026_12_06_1610_desk_quarantine';
import * as m20261206_1630 from './2026_12_06_1630_certificate_vouching';
import * as m20261206_1640 from './2026_12_06_1640_login_attempts';
import * as m20261206_1650 from './2026_12_06_1650_audit_trail';
import * as m20261207_0900 from './2026_12_07_0900_user_offices';
import * as m20261207_1600 from './2026_12_07_1600_enrolment_code_ring';
import * as m20261207_1200 from './2026_12_07_1200_workstation_offices';
import * as m20261207_1500 from './2026_12_07_1500_change_log_office';
import * as m20261207_1700 from './2026_12_07_1700_identity_cards';
import * as m20261208_0900 from './2026_12_08_0900_must_change_password';

/** Static map (see electron/desk/db/migrations/index.ts for why). Append only. */
const coreMigrations: Record<string, Migration> = {
  '2026_11_26_0900_create_hub': m0900,
  '2026_11_26_1200_sync_engine': m1200,
  '2026_11_26_1400_certificates': m1400,
  '2026_11_26_1500_cashdesk': m1500,
  '2026_12_06_1400_clerk_credentials': m20261206_1400,
  '2026_12_06_1610_desk_quarantine': m20261206_1610,
  '2026_12_06_1630_certificate_vouching': m20261206_1630,
  '2026_12_06_1640_login_attempts': m20261206_1640,
  '2026_12_06_1650_audit_trail': m20261206_1650,
  '2026_12_07_0900_user_offices': m20261207_0900,
  '2026_12_07_1200_workstation_offices': m20261207_1200,
  '2026_12_07_1500_change_log_office': m20261207_1500,
  '2026_12_07_1600_enrolment_code_ring': m20261207_1600,
  '2026_12_07_1700_identity_cards': m20261207_1700,
  '2026_12_08_0900_must_change_password': m20261208_0900,
};

/** The core's and each registered service's (Kysely runs them in name order). */
export const hubMigrations = (): Record<string, Migration> => ({ ...coreMigrations, ...serviceMigrations() });
