import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import { inSocialOffice } from '../../shared/social/social-access';
import { officesOf } from '../auth/offices';
import type { HubDatabase } from '../db/database';

/**
 * Special-category data (GDPR art. 9, DOMAIN.md §12.1): whatever a role may do elsewhere, a
 * social record is read or changed only by a member of the social-services office, as the hub
 * knows them now (an office taken away is taken away at once, offline filings included).
 */
export async function requireSocialOffice(
  trx: Transaction<HubDatabase> | Kysely<HubDatabase>,
  username: string,
): Promise<void> {
  if (!inSocialOffice(await officesOf(trx, username))) throw new AppError('social_office_only');
}
