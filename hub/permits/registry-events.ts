import type { Transaction } from 'kysely';
import { addDays } from '../../shared/calendar/iso-date';
import { formatDate } from '../../shared/i18n/registry-labels';
import { familyOf, kindRowOn } from '../../shared/permits/permit-kinds';
import type { PermitRecord } from '../../shared/permits/permit-wire';
import { zoneOf } from '../../shared/permits/ztl-zones';
import type { HubDatabase } from '../db/database';
import type { RegistryEvent } from '../services/hub-service';
import { recordException } from '../sync/sync-exceptions';
import { savePermit, toPermitRecord } from './permit-repository';

/**
 * When the registry of record changes under a permit (DOMAIN.md §5.2: "a link to the holder's
 * residence record so the permit can be revoked when the holder moves"):
 * - a holder who moves out of the permit's zone, or emigrates: ZTL and resident-parking permits
 *   tied to the residence become `revocation_proposed`, with the notice period in the reason, and
 *   go to the supervisors' queue — a person decides, the permit stays in force meanwhile;
 * - a deceased holder: the CUDE is personal and ends with the person (revoked from the day of
 *   death); their other permits are proposed for revocation.
 */

/** Days of notice before a proposed revocation takes effect [U: the comune's regulation sets it]. */
export const REVOCATION_NOTICE_DAYS = 30;

const QUEUE_CODE = 'permit_revocation_proposed';

type Decision = { status: 'revoked' | 'revocation_proposed'; reason: string } | null;

const notice = (on: string): string =>
  `revoca proposta con preavviso di ${REVOCATION_NOTICE_DAYS} giorni, entro il ${formatDate(addDays(on, REVOCATION_NOTICE_DAYS))}`;

/** What the event means for one permit of the person, or null when nothing. */
export function decideOnRegistryEvent(permit: PermitRecord, event: RegistryEvent): Decision {
  const family = familyOf(permit.kind);
  const on = formatDate(event.on);
  if (event.kind === 'deceased') {
    if (family === 'cude') return { status: 'revoked', reason: `Decesso del titolare il ${on}.` };
    return { status: 'revocation_proposed', reason: `Decesso del titolare il ${on}: ${notice(event.on)}.` };
  }
  if (family === 'cude') return null;
  const row = kindRowOn(permit.kind, permit.comune, event.on);
  if (row === null || !row.requires.residenceInZone) return null;
  if (event.kind === 'emigrated') {
    return {
      status: 'revocation_proposed',
      reason: `Emigrazione del titolare dal ${on}: ${notice(event.on)}.`,
    };
  }
  if (event.street === null) return null;
  const zones = zoneOf(permit.comune, event.street, event.on);
  const now = family === 'sosta' ? zones.sosta : zones.ztl;
  if (now !== null && now === permit.zone) return null;
  const street = `${event.street.streetType} ${event.street.streetName}`.slice(0, 80);
  return {
    status: 'revocation_proposed',
    reason: `Trasferimento di residenza in ${street}, fuori dalla zona ${permit.zone ?? family.toUpperCase()}, dal ${on}: ${notice(event.on)}.`,
  };
}

/** The permits' listener (hub/services/hub-service.ts `registryEvents`). */
export async function permitsOnRegistryEvent(
  trx: Transaction<HubDatabase>,
  event: RegistryEvent,
): Promise<void> {
  const rows = await trx
    .selectFrom('permits')
    .selectAll()
    .where('comune', '=', event.comune)
    .where('holder_id', '=', event.residentId)
    .where('status', 'in', ['active', 'revocation_proposed'])
    .execute();
  for (const permit of rows.map(toPermitRecord)) {
    const decision = decideOnRegistryEvent(permit, event);
    if (decision === null) continue;
    if (decision.status === permit.status) continue;
    const reason = decision.reason.slice(0, 300);
    const next: PermitRecord = {
      ...permit,
      status: decision.status,
      revokedReason: reason,
      revokedAt: decision.status === 'revoked' ? `${event.on}T00:00` : null,
    };
    await savePermit(trx, next, event.at, event.cause?.mutationId);
    if (decision.status === 'revocation_proposed' && event.cause !== null) {
      // the supervisors' queue: confirm with `permits.revoke`, or leave the permit as it is
      await recordException(trx, event.cause.workstation, {
        mutationId: event.cause.mutationId,
        name: 'permits.revoke',
        args: { permitId: permit.id, reason, at: null },
        clerk: event.cause.clerk,
        code: QUEUE_CODE,
        message: `Permesso ${permit.number} (${permit.plates.map((p) => p.plate).join(', ') || '—'}): ${reason}`,
        at: event.at,
      });
    }
  }
}
