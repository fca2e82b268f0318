import type { Kysely } from 'kysely';
import { isUpdatePlatform, type UpdatePlatform } from '../../shared/updates/platforms';
import { rolloutOf } from '../../shared/updates/rollout';
import type { HubDatabase } from '../db/database';
import { openArtefactStore, updatesDirOf } from './artefact-store';
import {
  advanceRelease,
  haltRelease,
  loadFailures,
  loadReleases,
  publishRelease,
  rollbackRelease,
} from './releases';
import { updateStatus } from './reports';
import { addRing, listRings, setComuneRing, setInstallWindow, setWorkstationRing } from './rings';

export interface ReleaseCliOptions {
  hubDir: string;
  file: string;
  blockmap: string;
  version: string;
  notes: string;
  platform: string;
  comune: string;
  now: Date;
}

const USE =
  'use: release publish --file <installer> --version X --notes "…" [--blockmap <file>] [--platform win|linux|mac] | release list | release halt X | release rollback | release advance X | release status [--comune B885] | ring list | ring add <name> | ring comune <belfiore> <ring> | ring window <ring> HH:MM-HH:MM|none | workstation ring <id|name> <ring|clear>';

const platformOf = (raw: string): UpdatePlatform => {
  const p = raw || 'win';
  if (!isUpdatePlatform(p)) throw new Error(`--platform must be win, linux or mac, got "${raw}"`);
  return p;
};

/**
 * IT's commands for releases and rings (`npm run hub -- release …`, `ring …`, `workstation ring
 * …`). `positionals` are the words after `npm run hub --`; returns the lines to print.
 */
export async function runUpdateCommand(
  db: Kysely<HubDatabase>,
  positionals: readonly string[],
  o: ReleaseCliOptions,
): Promise<string[]> {
  const [group, sub, a, b] = positionals;
  const platform = platformOf(o.platform);
  if (group === 'release') {
    switch (sub) {
      case 'publish': {
        if (!o.file || !o.version) throw new Error(USE);
        const store = openArtefactStore(updatesDirOf(o.hubDir));
        const r = await publishRelease(
          db,
          store,
          { platform, version: o.version, notes: o.notes, installer: o.file, blockmap: o.blockmap || null },
          o.now,
        );
        return [
          `[hub] ${platform} ${r.facts.version} published: ${r.files.map((f) => `${f.file_name} (${f.size} bytes, sha512 ${f.sha512.slice(0, 16)}…)`).join(', ')}`,
          `[hub] rollout: ${r.facts.schedule.map((s) => `${s.ring} +${s.afterDays}d`).join(', ')}`,
        ];
      }
      case 'list': {
        const failures = await loadFailures(db);
        const releases = await loadReleases(db, platform);
        if (releases.length === 0) return [`[hub] no ${platform} release published`];
        return releases.map((r) => {
          const rings = rolloutOf(r.facts, failures, o.now)
            .map((s) => `${s.ring}:${s.state}${s.failures ? `(${s.failures} failed)` : ''}`)
            .join(' ');
          return `${r.facts.version}  ${r.facts.publishedAt.slice(0, 16)}  ${r.facts.rolledBack ? 'ROLLED BACK ' : ''}${rings}`;
        });
      }
      case 'halt':
        if (!a) throw new Error(USE);
        await haltRelease(db, platform, a, o.now);
        return [`[hub] ${platform} ${a} halted: offered to nobody from now; desks on it stay on it`];
      case 'rollback': {
        const r = await rollbackRelease(db, platform, o.now);
        return [
          `[hub] ${platform} ${r.from} rolled back: every ring is offered ${r.to}, desks on ${r.from} go back (signed)`,
        ];
      }
      case 'advance': {
        if (!a) throw new Error(USE);
        const ring = await advanceRelease(db, platform, a, o.now);
        return [`[hub] ${platform} ${a} now offered to ring ${ring}`];
      }
      case 'status': {
        const rows = await updateStatus(db, o.comune || null);
        return rows.map(
          (r) =>
            `${r.outcome === 'failed' ? 'FAILED ' : ''}${r.comune}  ${r.ring.padEnd(10)} ${(r.version ?? 'never reported').padEnd(14)} ${r.name}${r.outcome === 'failed' ? `  (${r.triedVersion}: ${r.message ?? ''})` : ''}`,
        );
      }
    }
    throw new Error(USE);
  }
  if (group === 'ring') {
    switch (sub) {
      case 'list':
        return (await listRings(db)).map(
          (r) =>
            `${r.position}  ${r.name}${r.installFrom ? `  install window ${r.installFrom}-${r.installTo}` : ''}`,
        );
      case 'add':
        if (!a) throw new Error(USE);
        return [`[hub] ring ${await addRing(db, a)} added after the others`];
      case 'comune':
        if (!a || !b) throw new Error(USE);
        return [
          `[hub] ${a.toUpperCase()}'s workstations are in ring ${await setComuneRing(db, a.toUpperCase(), b)}`,
        ];
      case 'window':
        if (!a || !b) throw new Error(USE);
        await setInstallWindow(db, a, b);
        return [`[hub] ring ${a}: install window ${b}`];
    }
    throw new Error(USE);
  }
  if (group === 'workstation' && sub === 'ring' && a && b) {
    const n = await setWorkstationRing(db, a, b, o.now);
    return [n ? `[hub] ${n} workstation(s) "${a}" → ${b}` : `[hub] no active workstation "${a}"`];
  }
  throw new Error(USE);
}
