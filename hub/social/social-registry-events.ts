import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { romeDateTimeOf } from '../../shared/calendar/rome-date';
import { formatProtocolNumber } from '../../shared/protocol/protocol-number';
import { formatDate } from '../../shared/i18n/registry-labels';
import { stopPaymentsFrom } from '../../shared/social/social-rules';
import type { ContributoRecord, SadRecord, StopReason } from '../../shared/social/social-wire';
import type { HubDatabase } from '../db/database';
import type { RegistryEvent } from '../services/hub-service';
import { recordException } from '../sync/sync-exceptions';
import { CASE_APPLIERS } from '../cases/case-appliers';
import { loadCase } from '../cases/case-repository';
import { rerankWaiting } from './social-appliers';
import { contributiOf, sadsWith, saveContributo, saveSad } from './social-repository';

/**
 * §10.2 "duty to report changes that stop payment": the hub sees two of them itself — death and
 * emigration (move to another comune). From the event's date the beneficiary's contributo
 * payments stop and home care ends; the social worker gets an entry in the queue to close the
 * file (a person decides what follows: recovery of sums paid after the date, the household).
 * That work is a case of its own in the case engine (`revisione_fascicolo_sociale`, the social
 * office's procedure), registered in the protocol and naming the beneficiary and the reason; the
 * stop on each record points at it. The queue entry names the record, not the person or the
 * need: the queue is the comune's, and social data stay in the office's routes.
 */

export const STOP_PROCEDURE = 'revisione_fascicolo_sociale';

/**
 * One case per person and reason, whatever replays the event (a death recorded again, its date
 * corrected, a registry import run twice): the id is derived from them, and an existing case is
 * left as it is.
 */
export function stopCaseId(comune: string, residentId: string, reason: StopReason): string {
  const digest = createHash('sha256').update(`${comune}\u0000${residentId}\u0000${reason}`).digest('hex');
  return `soc-stop-${digest.slice(0, 40)}`;
}

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
  const contributi = (await contributiOf(trx, event.comune, event.residentId)).filter((c) =>
    (['applied', 'assessed', 'approved'] as ContributoRecord['status'][]).includes(c.status),
  );
  const live: SadRecord['status'][] = ['applied', 'visited', 'planned', 'active', 'waiting'];
  const sads = await sadsWith(trx, event.comune, { beneficiaryId: event.residentId, status: live });
  const first = contributi[0]?.beneficiary ?? sads[0]?.beneficiary;
  if (!first) return;
  const records = [...contributi.map((c) => `contributo ${c.id}`), ...sads.map((x) => `SAD ${x.id}`)];
  const queue = await queueWorkstation(trx, event);
  const caseId = queue ? await openStopCase(trx, event, queue, reason, first) : null;
  const stop = { on: event.on, reason, caseId };
  for (const c of contributi) {
    const next: ContributoRecord = {
      ...c,
      status: 'stopped',
      schedule: stopPaymentsFrom(c.schedule, event.on),
      stop,
    };
    await saveContributo(trx, next, event.at, event.cause?.mutationId);
  }
  const wasWaiting = sads.some((x) => x.status === 'waiting');
  for (const x of sads)
    await saveSad(trx, { ...x, status: 'stopped', waiting: null, stop }, event.at, event.cause?.mutationId);
  if (wasWaiting) await rerankWaiting(trx, event.comune, event.on, event.at, event.cause?.mutationId ?? null);
  if (!queue) return;
  const protocol = caseId ? (await loadCase(trx, event.comune, caseId))?.state.protocol?.number : null;
  await recordException(trx, queue.ws, {
    mutationId: queue.mutationId,
    name: 'social.stop',
    args: { residentId: event.residentId, records, on: event.on, reason, caseId },
    clerk: queue.clerk,
    code: STOP_QUEUE_CODE,
    message: `Servizi sociali: ${records.join(', ')} sospesi dal ${formatDate(event.on)} (${REASON_WORDS[reason]}). Pratica per l’assistente sociale${protocol ? ` (prot. ${formatProtocolNumber(protocol)})` : ''}.`,
    at: event.at,
  });
}

/**
 * The social worker's case for the stop, opened through the case engine's own applier (protocol
 * number, term, the office's queue) in the registry change's transaction; the author is whoever
 * recorded the registry change. Returns its id (also when an earlier event already opened it).
 */
async function openStopCase(
  trx: Transaction<HubDatabase>,
  event: RegistryEvent,
  queue: NonNullable<Awaited<ReturnType<typeof queueWorkstation>>>,
  reason: StopReason,
  beneficiary: { surname: string; givenNames: string; codiceFiscale: string },
): Promise<string | null> {
  const caseId = stopCaseId(event.comune, event.residentId, reason);
  if (await loadCase(trx, event.comune, caseId)) return caseId;
  const ws = await trx
    .selectFrom('workstations')
    .selectAll()
    .where('id', '=', queue.ws.id)
    .executeTakeFirst();
  if (!ws) return null;
  const name = `${beneficiary.surname} ${beneficiary.givenNames}`.trim();
  await CASE_APPLIERS['cases.open'](
    { trx, ws, at: event.at, mutationId: queue.mutationId, clerk: { username: queue.clerk, role: 'clerk' } },
    {
      caseId,
      eventId: `${caseId}-open`,
      at: romeDateTimeOf(new Date(event.at)).slice(0, 16),
      procedureCode: STOP_PROCEDURE,
      applicantId: null,
      // ex officio: the registry office reports the change (the correspondent of the protocol)
      applicantName: 'Ufficio anagrafe',
      // who and why, both registry facts; not which benefits: a case travels to every counter of
      // the comune today (the records are linked from their stop, in the office's own routes)
      subject:
        `${name} (${beneficiary.codiceFiscale}): ${REASON_WORDS[reason]} dal ${formatDate(event.on)}`.slice(
          0,
          300,
        ),
      counterSeconds: null,
      receiptDelivery: 'none',
      documents: [],
      residence: null,
    },
  );
  return caseId;
}
