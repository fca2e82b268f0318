import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/database';
import type { AuditHeadsTable } from '../db/tables/audit.table';
import type { WorkstationRow } from '../db/tables/workstations.table';
import type { AuditKeeping } from './audit-key';
import { anchorAllDue, anchorIfDue, hubChain, PUBLIC_CHAIN, readsChain } from './audit-trail';
import { groupCommitAuditWriter } from './audit-writer';

/**
 * How a route is audited, in its `config.audit`:
 * - a read of personal data: one row per call (`action`, `entity`, which ids from `subject`);
 * - `public`: no workstation, anyone may call it (certificate verification);
 * - `anchorOnly`: the route writes its own rows (the push, the desk shipments), the hook only
 *   anchors the comune's chain afterwards.
 */
export type AuditedRoute =
  | {
      action: string;
      entity: string;
      subject?: (req: FastifyRequest) => string;
      public?: boolean;
    }
  | { anchorOnly: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditedRoute;
  }
}

interface Actor {
  ws?: WorkstationRow;
  clerk?: string;
}
const actors = new WeakMap<FastifyRequest, Actor>();
const subjects = new WeakMap<FastifyRequest, string>();
/** the head of the chain the request wrote to, as its own transaction left it */
const writtenHeads = new WeakMap<FastifyRequest, AuditHeadsTable>();

/** Called by the authentication helpers: who the hub itself found behind this request. */
export function noteActor(req: FastifyRequest, who: Actor): void {
  actors.set(req, { ...actors.get(req), ...who });
}

/** A handler that wrote audit rows itself (the push): the head its transaction left. */
export function noteAuditHead(req: FastifyRequest, head: AuditHeadsTable | undefined): void {
  if (head) writtenHeads.set(req, head);
}

/** A handler that knows better which records it returned than the request says (e.g. a seq range). */
export function noteAuditSubject(req: FastifyRequest, subject: string): void {
  subjects.set(req, subject);
}

const ANCHOR_SWEEP_MS = 5 * 60_000;

/**
 * One hook for every audited route: the row is written before the answer leaves (no read
 * without its record: if the audit cannot be written, the caller gets an error, not the data),
 * with the clerk of the hub's own session, never a name the desk sent.
 */
export function installAuditTrail(
  app: FastifyInstance,
  db: Kysely<HubDatabase>,
  keeping: AuditKeeping,
  now: () => Date,
): void {
  const writeAudit = groupCommitAuditWriter(db, keeping.key);
  app.addHook('onSend', async (req, reply, payload) => {
    const spec = req.routeOptions.config.audit;
    if (!spec || 'anchorOnly' in spec) return payload;
    const actor = actors.get(req);
    if (!spec.public && !actor?.ws) return payload; // refused at the door: nothing was read
    // a refusal (unknown id, bad input, rate limit) returned no one's data, and changes nothing
    if (reply.statusCode >= 400) return payload;
    const ws = actor?.ws;
    const head = await writeAudit({
      comune: ws?.comune ?? null,
      at: now().toISOString(),
      clerk: actor?.clerk ?? (ws ? 'postazione' : 'pubblico'),
      workstation: ws ? ws.name : '-',
      action: spec.action,
      entity: spec.entity,
      entityId: (subjects.get(req) ?? spec.subject?.(req) ?? '').slice(0, 400),
      reason: `HTTP ${reply.statusCode}`,
      read: true,
    });
    noteAuditHead(req, head);
    return payload;
  });

  app.addHook('onResponse', async (req) => {
    const spec = req.routeOptions.config.audit;
    if (!spec) return;
    const ws = actors.get(req)?.ws;
    const chain = ws
      ? 'anchorOnly' in spec
        ? hubChain(ws.comune)
        : readsChain(ws.comune)
      : 'public' in spec && spec.public
        ? PUBLIC_CHAIN
        : null;
    if (chain) await anchorIfDue(db, keeping, chain, now(), writtenHeads.get(req));
  });

  // A quiet hub still anchors what it wrote within the hour.
  const sweep = setInterval(
    () => void anchorAllDue(db, keeping, now()).catch(() => undefined),
    ANCHOR_SWEEP_MS,
  );
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
}
