import type { Transaction } from 'kysely';
import { formatDate } from '../../shared/i18n/registry-labels';
import { stopPaymentsFrom } from '../../shared/social/social-rules';
import type { ContributoRecord, SadRecord, StopReason } from '../../shared/social/social-wire';
import type { HubDatabase } from '../db/database';
import type { RegistryEvent } from '../services/hub-service';
import { recordException } from '../sync/sync-exceptions';
import { rerankWaiting } from './social-appliers';
import { contributiOf, sadsWith, saveContributo, saveSad } from './social-repository';

/**
 * §10.2 "duty to report changes that stop payment": the hub sees two of them itself — death and
 * emigration (move to another comune). From the event's date the beneficiary's contributo
 * payments stop and home care ends; the social worker gets an entry in the queue to close the
 * file (a person decides what follows: recovery of sums paid after the date, the household).
 * The queue entry names the record, not the person or the need: the queue is the comune's, and
 * social data stay in the office's routes.
 */

export const STOP_QUEUE_CODE = 'social_payments_stopped';

const REASON_WORDS: Record<StopReason, string> = { deceased: 'decesso', emigrated: 'emigrazione' };

/** Where the queue entry goes: the workstation of the registry change, else one of the comune's. */
async function queueWorkstation(trx: Transaction<HubDatabase>, event: RegistryEvent) {
  if (event.cause)
    return { ws: event.cause.workstation, mutationId: event.cause.mutationId, clerk: event.cause.clerk };
  const ws = await trx
    .selectFrom('workstations')
    .select(['id', 'comune'])
    .where('comune', '=', event.comune)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  return ws ? { ws, mutationId: `registry:${event.residentId}:${event.on}`, clerk: 'anagrafe' } : null;
}

export async function socialOnRegistryEvent(
  trx: Transaction<HubDatabase>,
  event: RegistryEvent,
): Promise<void> {
  if (event.kind === 'moved') return;
  const reason: StopReason = event.kind;
  const stop = { on: event.on, reason, caseId: null };
  const stopped: string[] = [];
  for (const c of await contributiOf(trx, event.comune, event.residentId)) {
    if (!(['applied', 'assessed', 'approved'] as ContributoRecord['status'][]).includes(c.status)) continue;
    const next: ContributoRecord = {
      ...c,
      status: 'stopped',
      schedule: stopPaymentsFrom(c.schedule, event.on),
      stop,
    };
    await saveContributo(trx, next, event.at, event.cause?.mutationId);
    stopped.push(`contributo ${c.id}`);
  }
  let wasWaiting = false;
  const live: SadRecord['status'][] = ['applied', 'visited', 'planned', 'active', 'waiting'];
  for (const s of await sadsWith(trx, event.comune, { beneficiaryId: event.residentId, status: live })) {
    wasWaiting ||= s.status === 'waiting';
    await saveSad(trx, { ...s, status: 'stopped', waiting: null, stop }, event.at, event.cause?.mutationId);
    stopped.push(`SAD ${s.id}`);
  }
  if (wasWaiting) await rerankWaiting(trx, event.comune, event.on, event.at, event.cause?.mutationId ?? null);
  if (stopped.length === 0) return;
  const queue = await queueWorkstation(trx, event);
  if (!queue) return;
  await recordException(trx, queue.ws, {
    mutationId: queue.mutationId,
    name: 'social.stop',
    args: { residentId: event.residentId, records: stopped, on: event.on, reason },
    clerk: queue.clerk,
    code: STOP_QUEUE_CODE,
    message: `Servizi sociali: ${stopped.join(', ')} sospesi dal ${formatDate(event.on)} (${REASON_WORDS[reason]}). Pratica per l’assistente sociale.`,
    at: event.at,
  });
}
