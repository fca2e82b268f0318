import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { certificateKeyFrom } from '../../shared/certificates/certificate-id';
import { familyOf } from '../../shared/permits/permit-kinds';
import type { PermitRecord, PlateWire } from '../../shared/permits/permit-wire';
import type { HubDatabase } from '../db/database';

type Trx = Transaction<HubDatabase>;

/** What the platform holds of a card: in force (its plates open the joined comuni's ZTLs) or withdrawn. */
export type CudePlatformStatus = 'registered' | 'withdrawn';

/**
 * The national CUDE platform (DL 76/2020, DM MIT 5 July 2021): the issuing comune records each
 * card and up to 2 plates in order of preference, and the holder gets a unique alphanumeric code
 * to manage the plates; joining comuni let those plates through their ZTLs. Joining is optional
 * today and announced as compulsory, so the hub talks to it through this port only. The local
 * implementation keeps the platform's side in the hub's own database, in the same transaction as
 * the permit; a real adapter would queue the same calls for the Motorizzazione's service.
 */
export interface CudePlatform {
  /** the card as it now stands (new, plates changed, revoked or replaced); returns the holder's code */
  record(trx: Trx, permit: PermitRecord, at: string): Promise<string | null>;
}

const standing = (p: PermitRecord): CudePlatformStatus =>
  p.status === 'active' || p.status === 'revocation_proposed' ? 'registered' : 'withdrawn';

const platesJson = (plates: readonly PlateWire[]) =>
  JSON.stringify(plates.slice(0, 2).map(({ plate, country }) => ({ plate, country })));

export const localCudePlatform: CudePlatform = {
  async record(trx, permit, at) {
    if (familyOf(permit.kind) !== 'cude') return null;
    const known = await trx
      .selectFrom('cude_platform')
      .select('code')
      .where('permit_id', '=', permit.id)
      .executeTakeFirst();
    const row = {
      plates: platesJson(permit.plates),
      valid_to: permit.validTo,
      status: standing(permit),
      updated_at: at,
    };
    if (known) {
      await trx.updateTable('cude_platform').set(row).where('permit_id', '=', permit.id).execute();
      return known.code;
    }
    // the holder's code: CUDE and 8 random Crockford base32 characters (typed on a portal, never guessable)
    const code = `CUDE${certificateKeyFrom(randomBytes(5))}`.slice(0, 12);
    await trx
      .insertInto('cude_platform')
      .values({ permit_id: permit.id, comune: permit.comune, code, ...row })
      .execute();
    return code;
  },
};
