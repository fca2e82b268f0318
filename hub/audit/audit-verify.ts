import { existsSync, readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { GENESIS_MAC } from '../../shared/audit/audit-wire';
import type { HubDatabase } from '../db/database';
import type { AuditKeeping } from './audit-key';
import {
  anchorMacOf,
  deskChain,
  deskRowCanonical,
  hubRowCanonical,
  macOf,
  type AuditAnchor,
} from './audit-trail';

export interface AuditReport {
  ok: boolean;
  hubRows: number;
  deskRows: number;
  chains: number;
  anchors: number;
  /** each names the chain and the row or anchor that fails, in the order found */
  problems: string[];
}

const PAGE = 5000;

interface ChainEnd {
  last: number;
  /** MACs at the seqs some anchor names */
  atAnchors: Map<number, string>;
}

/**
 * Recomputes every chain with the key (hub chains per comune, and each desk's shipped chain
 * under both its own links and the hub's MACs), then holds the anchors file against them: an
 * edited row breaks its MAC, rows recomputed without the key break at the first one, and rows
 * deleted from the end fall short of an anchor the file still has.
 */
export async function verifyAudit(db: Kysely<HubDatabase>, keeping: AuditKeeping): Promise<AuditReport> {
  const problems: string[] = [];
  const { anchors: fileAnchors, problems: fileProblems } = readAnchorsFile(keeping);
  problems.push(...fileProblems);
  const wanted = new Map<string, Set<number>>();
  for (const a of fileAnchors)
    (wanted.get(a.chain) ?? wanted.set(a.chain, new Set()).get(a.chain))?.add(a.seq);

  const ends = new Map<string, ChainEnd>();
  let hubRows = 0;
  const hubChains = await db.selectFrom('hub_audit').select('chain').distinct().execute();
  for (const { chain } of hubChains) {
    const end: ChainEnd = { last: 0, atAnchors: new Map() };
    let prev = GENESIS_MAC;
    for (let after = 0; ;) {
      const rows = await db
        .selectFrom('hub_audit')
        .selectAll()
        .where('chain', '=', chain)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const raw of rows) {
        const r = { ...raw, seq: Number(raw.seq) };
        hubRows++;
        if (r.seq !== end.last + 1) problems.push(`${chain}: rows ${end.last + 1}–${r.seq - 1} missing`);
        if (r.prev_mac !== prev) problems.push(`${chain} row ${r.seq}: not linked to the row before it`);
        if (macOf(keeping.key, r.prev_mac, hubRowCanonical(r)) !== r.mac) {
          problems.push(`${chain} row ${r.seq}: altered (its MAC does not match its content under the key)`);
        }
        if (wanted.get(chain)?.has(r.seq)) end.atAnchors.set(r.seq, r.mac);
        prev = r.mac;
        end.last = r.seq;
      }
      const lastRow = rows[rows.length - 1];
      if (!lastRow) break;
      after = Number(lastRow.seq);
    }
    ends.set(chain, end);
  }

  let deskRows = 0;
  const names = new Map(
    (await db.selectFrom('workstations').select(['id', 'name']).execute()).map((w) => [w.id, w.name]),
  );
  const desks = await db.selectFrom('desk_audit').select('workstation_id').distinct().execute();
  for (const { workstation_id: wsId } of desks) {
    const chain = deskChain(wsId);
    const label = `${chain} (${names.get(wsId) ?? '?'})`;
    const end: ChainEnd = { last: 0, atAnchors: new Map() };
    let prev = GENESIS_MAC;
    let prevDesk = GENESIS_MAC;
    for (let after = 0; ;) {
      const rows = await db
        .selectFrom('desk_audit')
        .selectAll()
        .where('workstation_id', '=', wsId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const raw of rows) {
        const r = { ...raw, seq: Number(raw.seq) };
        deskRows++;
        if (r.seq !== end.last + 1) problems.push(`${label}: rows ${end.last + 1}–${r.seq - 1} missing`);
        if (r.prev_mac !== prev || r.desk_prev_mac !== prevDesk) {
          problems.push(`${label} row ${r.seq}: not linked to the row before it`);
        }
        if (macOf(keeping.key, r.prev_mac, deskRowCanonical(r)) !== r.mac) {
          problems.push(`${label} row ${r.seq}: altered (its MAC does not match its content under the key)`);
        }
        if (wanted.get(chain)?.has(r.seq)) end.atAnchors.set(r.seq, r.mac);
        prev = r.mac;
        prevDesk = r.desk_mac;
        end.last = r.seq;
      }
      const lastRow = rows[rows.length - 1];
      if (!lastRow) break;
      after = Number(lastRow.seq);
    }
    ends.set(chain, end);
  }

  fileAnchors.forEach((a, i) => {
    const end = ends.get(a.chain);
    const line = `anchor ${i + 1} (${a.chain} row ${a.seq})`;
    if (!end || end.last < a.seq) {
      problems.push(`${line}: the chain ends at row ${end?.last ?? 0}, rows anchored before were deleted`);
    } else if (end.atAnchors.get(a.seq) !== a.mac) {
      problems.push(`${line}: row ${a.seq} is not the row that was anchored (chain rewritten)`);
    }
  });

  const inFile = new Set(fileAnchors.map((a) => `${a.chain} ${a.seq} ${a.mac}`));
  const dbAnchors = await db.selectFrom('audit_anchors').selectAll().execute();
  for (const a of dbAnchors) {
    if (!inFile.has(`${a.chain} ${Number(a.seq)} ${a.mac}`)) {
      problems.push(`database anchor ${a.chain} row ${a.seq}: not in the anchors file`);
    }
  }
  for (const h of await db.selectFrom('audit_heads').selectAll().execute()) {
    const last = ends.get(h.chain)?.last ?? 0;
    if (Number(h.seq) !== last)
      problems.push(`${h.chain}: the head says row ${h.seq}, the chain ends at row ${last}`);
  }

  return {
    ok: problems.length === 0,
    hubRows,
    deskRows,
    chains: ends.size,
    anchors: fileAnchors.length,
    problems,
  };
}

function readAnchorsFile(keeping: AuditKeeping): { anchors: AuditAnchor[]; problems: string[] } {
  if (!existsSync(keeping.anchorsFile)) return { anchors: [], problems: [] };
  const anchors: AuditAnchor[] = [];
  const problems: string[] = [];
  readFileSync(keeping.anchorsFile, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '') return;
      let parsed: Partial<AuditAnchor & { anchorMac: string }>;
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        problems.push(`anchors file line ${i + 1}: unreadable`);
        return;
      }
      const a = {
        chain: String(parsed.chain),
        seq: Number(parsed.seq),
        mac: String(parsed.mac),
        at: String(parsed.at),
      };
      if (anchorMacOf(keeping.key, a) !== parsed.anchorMac) {
        problems.push(`anchors file line ${i + 1}: forged or altered (its MAC does not match under the key)`);
        return;
      }
      anchors.push(a);
    });
  return { anchors, problems };
}
