import { createHmac } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import { canonicalAuditRow, GENESIS_MAC, type DeskAuditRow } from '../../shared/audit/audit-wire';
import type { HubDatabase } from '../db/database';
import { isPostgres } from '../db/job-runs';
import { compiledOnce } from '../db/compiled-once';
import type { AuditHeadsTable, DeskAuditTable, HubAuditTable } from '../db/tables/audit.table';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { AppError } from '../../shared/errors/app-error';
import type { AuditKeeping } from './audit-key';

/** The hub's chain for a comune; public lookups (no comune yet) have their own. */
export const hubChain = (comune: string): string => `hub:${comune}`;
/**
 * The comune's audited reads (every pull, every registry page) on a chain of their own: on the
 * comune's chain, each group of reads held its head until commit, and every push, which takes the
 * head with the comune's log lock already held, waited for it, keeping the comune's other pushes
 * waiting too.
 */
export const readsChain = (comune: string): string => `hub:${comune}:letture`;
export const PUBLIC_CHAIN = 'hub:pubblico';
export const deskChain = (workstationId: string): string => `desk:${workstationId}`;

/** Each link: HMAC(key, previous MAC ‖ canonical row). Without the key nobody can forge or recompute one. */
export const macOf = (key: Buffer, prevMac: string, canonical: string): string =>
  createHmac('sha256', key).update(prevMac).update(canonical).digest('hex');

export const hubRowCanonical = (r: Omit<HubAuditTable, 'prev_mac' | 'mac'>): string =>
  canonicalAuditRow([
    r.chain,
    r.seq,
    r.at,
    r.clerk,
    r.workstation,
    r.action,
    r.entity,
    r.entity_id,
    r.reason,
  ]);

export const deskRowCanonical = (r: Omit<DeskAuditTable, 'prev_mac' | 'mac'>): string =>
  canonicalAuditRow([
    deskChain(r.workstation_id),
    r.seq,
    r.at,
    r.clerk,
    r.workstation,
    r.action,
    r.entity,
    r.entity_id,
    r.reason,
    r.desk_prev_mac,
    r.desk_mac,
    r.received_at,
  ]);

export interface AuditAnchor {
  chain: string;
  seq: number;
  mac: string;
  at: string;
}
export const anchorMacOf = (key: Buffer, a: AuditAnchor): string =>
  macOf(key, 'anchor', canonicalAuditRow([a.chain, a.seq, a.mac, a.at]));

/** every push and every group of reads writes its chain: the same few statements, compiled once */
const run = compiledOnce();

/**
 * The head of a chain, locked until the transaction ends: appends to one chain happen one at a
 * time (the upsert takes PostgreSQL's row lock; SQLite serialises writers anyway), while each
 * comune's chain stays independent of the others. One statement: created at genesis when new,
 * otherwise a no-op update that locks the row and returns it.
 */
async function lockHead(trx: Transaction<HubDatabase>, chain: string, at: string): Promise<AuditHeadsTable> {
  const genesis = { chain, seq: 0, mac: GENESIS_MAC, anchored_seq: 0, anchored_at: at };
  const [head] = await run(trx, 'audit.lockHead', Object.values(genesis), () =>
    trx
      .insertInto('audit_heads')
      .values(genesis)
      .onConflict((oc) => oc.column('chain').doUpdateSet((eb) => ({ seq: eb.ref('audit_heads.seq') })))
      .returningAll()
      .compile(),
  );
  if (!head) throw new Error(`audit head of ${chain} not returned`);
  return { ...head, seq: Number(head.seq), anchored_seq: Number(head.anchored_seq) };
}

async function moveHead(
  trx: Transaction<HubDatabase>,
  chain: string,
  seq: number,
  mac: string,
): Promise<void> {
  await run(trx, 'audit.moveHead', [seq, mac, chain], () =>
    trx.updateTable('audit_heads').set({ seq, mac }).where('chain', '=', chain).compile(),
  );
}

export interface HubAuditEntry {
  /** the comune whose data was touched (its chain); null: a public lookup */
  comune: string | null;
  at: string;
  clerk: string;
  workstation: string;
  action: string;
  entity: string;
  entityId: string;
  reason: string;
  /** an audited read (the route hook): its comune's reads chain */
  read?: boolean;
}

/** The chain an entry joins: its comune's, its comune's reads, or the public lookups'. */
export const chainOf = (e: HubAuditEntry): string =>
  e.comune === null ? PUBLIC_CHAIN : e.read ? readsChain(e.comune) : hubChain(e.comune);

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits (11 columns). */
const ROWS_PER_INSERT = 80;

/**
 * Appends rows in the order given, each chain's head locked once for all of its rows: a push
 * batch of 50 mutations is one chain step of 50 rows (each still MACed on the one before it, the
 * chain's shape unchanged), written by one multi-row insert. Chains are locked in a fixed order,
 * so two writers spanning the same chains never wait on each other crosswise. Returns each chain's
 * head as this transaction leaves it (whether an anchor is due, without reading it again).
 */
export async function appendHubAudits(
  trx: Transaction<HubDatabase>,
  key: Buffer,
  entries: readonly HubAuditEntry[],
): Promise<AuditHeadsTable[]> {
  const byChain = new Map<string, HubAuditEntry[]>();
  for (const e of entries) {
    const chain = chainOf(e);
    (byChain.get(chain) ?? byChain.set(chain, []).get(chain))?.push(e);
  }
  const heads: AuditHeadsTable[] = [];
  for (const chain of [...byChain.keys()].sort()) {
    const list = byChain.get(chain) ?? [];
    const head = await lockHead(trx, chain, list[0]?.at ?? '');
    let seq = head.seq;
    let prev = head.mac;
    const rows: HubAuditTable[] = list.map((e) => {
      const row = {
        chain,
        seq: ++seq,
        at: e.at,
        clerk: e.clerk,
        workstation: e.workstation,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        reason: e.reason,
      };
      const mac = macOf(key, prev, hubRowCanonical(row));
      const linked = { ...row, prev_mac: prev, mac };
      prev = mac;
      return linked;
    });
    await writeLinks(trx, rows, { chain, seq, mac: prev });
    heads.push({ ...head, seq, mac: prev });
  }
  return heads;
}

/**
 * The new rows and the head that now points at the last of them. On PostgreSQL, when the rows fit
 * one insert, both go in one statement (the insert as a CTE): the chain's row lock is held one
 * round trip less. SQLite has no data-modifying CTEs, and no round trips.
 */
async function writeLinks(
  trx: Transaction<HubDatabase>,
  rows: HubAuditTable[],
  head: { chain: string; seq: number; mac: string },
): Promise<void> {
  if (isPostgres(trx) && rows.length > 0 && rows.length <= ROWS_PER_INSERT) {
    await run(
      trx,
      `audit.linkAndMove ${rows.length}`,
      [...rows.flatMap((r) => Object.values(r)), head.seq, head.mac, head.chain],
      () =>
        trx
          .with('linked', (db) => db.insertInto('hub_audit').values(rows))
          .updateTable('audit_heads')
          .set({ seq: head.seq, mac: head.mac })
          .where('chain', '=', head.chain)
          .compile(),
    );
    return;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await run(
      trx,
      `audit.link ${chunk.length}`,
      chunk.flatMap((r) => Object.values(r)),
      () => trx.insertInto('hub_audit').values(chunk).compile(),
    );
  }
  await moveHead(trx, head.chain, head.seq, head.mac);
}

const deskFieldsOf = (h: DeskAuditTable): string =>
  canonicalAuditRow([
    h.at,
    h.clerk,
    h.workstation,
    h.action,
    h.entity,
    h.entity_id,
    h.reason,
    h.desk_prev_mac,
    h.desk_mac,
  ]);
const shippedFieldsOf = (r: DeskAuditRow): string =>
  canonicalAuditRow([
    r.at,
    r.clerk,
    r.workstation,
    r.action,
    r.entity,
    r.entityId,
    r.reason,
    r.prevMac,
    r.mac,
  ]);

/**
 * Takes a shipment of a desk's chain: rows the hub already holds must be the same rows (a repeat
 * changes nothing); new ones must continue the chain exactly where it ends here, seq after seq,
 * each linked to the one before by the desk's MAC. Returns the seq the hub now holds through.
 */
export async function acceptDeskRows(
  trx: Transaction<HubDatabase>,
  key: Buffer,
  ws: WorkstationRow,
  rows: readonly DeskAuditRow[],
  receivedAt: string,
): Promise<number> {
  const chain = deskChain(ws.id);
  const head = await lockHead(trx, chain, receivedAt);
  const held = await trx
    .selectFrom('desk_audit')
    .selectAll()
    .where('workstation_id', '=', ws.id)
    .where(
      'seq',
      'in',
      rows.map((r) => r.seq),
    )
    .execute();
  // The hub cannot check a desk's MAC (it has not the desk's key): a repeat must be the same row.
  const heldRow = new Map(held.map((h) => [Number(h.seq), deskFieldsOf(h)]));
  let end = head.seq;
  let endDeskMac =
    end === 0
      ? GENESIS_MAC
      : ((
          await trx
            .selectFrom('desk_audit')
            .select('desk_mac')
            .where('workstation_id', '=', ws.id)
            .where('seq', '=', end)
            .executeTakeFirst()
        )?.desk_mac ?? GENESIS_MAC);
  let prev = head.mac;
  for (const r of rows) {
    if (r.seq <= end) {
      if (heldRow.get(r.seq) !== shippedFieldsOf(r))
        throw new AppError('audit_chain_conflict', { seq: r.seq });
      continue;
    }
    if (r.seq !== end + 1 || r.prevMac !== endDeskMac) {
      throw new AppError('audit_chain_conflict', { seq: r.seq });
    }
    const row = {
      workstation_id: ws.id,
      seq: r.seq,
      at: r.at,
      clerk: r.clerk,
      workstation: r.workstation,
      action: r.action,
      entity: r.entity,
      entity_id: r.entityId,
      reason: r.reason,
      desk_prev_mac: r.prevMac,
      desk_mac: r.mac,
      received_at: receivedAt,
    };
    const mac = macOf(key, prev, deskRowCanonical(row));
    await trx
      .insertInto('desk_audit')
      .values({ ...row, prev_mac: prev, mac })
      .execute();
    prev = mac;
    end = r.seq;
    endDeskMac = r.mac;
  }
  if (end !== head.seq) await moveHead(trx, chain, end, prev);
  return end;
}

/**
 * Anchors a chain's head when due (every `anchorEvery` rows, or `anchorAfterMs` after the last
 * anchor): a line in the append-only file outside the database, HMACed, and a copy in the
 * database. Deleting the newest rows, or rebuilding the chain, no longer matches the file.
 * The line is written before the copy commits: a crash in between leaves an extra, still true,
 * anchor in the file, never a database anchor the file lacks.
 */
export async function anchorIfDue(
  db: Kysely<HubDatabase>,
  keeping: AuditKeeping,
  chain: string,
  now: Date,
  /** the head as this instance's own write left it: no need to read it again to know */
  known?: AuditHeadsTable,
): Promise<boolean> {
  const due = (h: AuditHeadsTable) =>
    Number(h.seq) > Number(h.anchored_seq) &&
    (Number(h.seq) - Number(h.anchored_seq) >= keeping.anchorEvery ||
      now.getTime() - new Date(h.anchored_at).getTime() >= keeping.anchorAfterMs);
  // A look without the lock first: nearly every call finds nothing to do. Rows another instance
  // wrote since `known` are that instance's to anchor: it looks after its own write.
  const peek =
    known?.chain === chain
      ? known
      : await db.selectFrom('audit_heads').selectAll().where('chain', '=', chain).executeTakeFirst();
  if (!peek || !due(peek)) return false;
  return db.transaction().execute(async (trx) => {
    const head = await lockHead(trx, chain, now.toISOString());
    if (!due(head)) return false;
    const anchor: AuditAnchor = { chain, seq: head.seq, mac: head.mac, at: now.toISOString() };
    const anchorMac = anchorMacOf(keeping.key, anchor);
    appendFileSync(keeping.anchorsFile, `${JSON.stringify({ ...anchor, anchorMac })}\n`, { mode: 0o600 });
    await trx
      .insertInto('audit_anchors')
      .values({ ...anchor, anchor_mac: anchorMac })
      .execute();
    await trx
      .updateTable('audit_heads')
      .set({ anchored_seq: head.seq, anchored_at: anchor.at })
      .where('chain', '=', chain)
      .execute();
    return true;
  });
}

/** The hourly pass: every chain with rows newer than its anchor and due by time. */
export async function anchorAllDue(
  db: Kysely<HubDatabase>,
  keeping: AuditKeeping,
  now: Date,
): Promise<number> {
  const heads = await db.selectFrom('audit_heads').select('chain').execute();
  let n = 0;
  for (const h of heads) if (await anchorIfDue(db, keeping, h.chain, now)) n++;
  return n;
}
