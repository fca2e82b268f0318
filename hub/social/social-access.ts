import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import { inSocialOffice } from '../../shared/social/social-access';
import { officesOf } from '../auth/offices';
import { workstationOffices } from '../sync/office-scope';
import type { HubDatabase } from '../db/database';

/**
 * Special-category data (GDPR art. 9, DOMAIN.md §12.1): whatever a role may do elsewhere, a
 * social record is read or changed only by a member of the social-services office, as the hub
 * knows them now (an office taken away is taken away at once, offline filings included).
 * And only at one of the office's workstations: the others never receive social records in
 * their mirror (hub/sync/office-scope.ts), so a filing made there would stay in that mirror,
 * unconfirmed, for every later clerk of that counter to see.
 */
export async function requireSocialOffice(
  trx: Transaction<HubDatabase> | Kysely<HubDatabase>,
  username: string,
  workstationId: string,
): Promise<void> {
  if (!inSocialOffice(await officesOf(trx, username))) throw new AppError('social_office_only');
  if (!inSocialOffice(await workstationOffices(trx, workstationId)))
    throw new AppError('social_workstation_outside_office');
}
