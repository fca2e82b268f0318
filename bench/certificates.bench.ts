/**
 * `npm run bench:certificates`: 1,000 certificates of mixed types issued through the desk core,
 * each one the whole counter action (registry read, rules, PDF with QR, SHA-256, local record,
 * queued mutation and audit entry in one transaction), against a mirror of Casale's demo
 * registry (BENCH_RESIDENTS, default 35,000). Then the queue is pushed to the hub and every
 * certificate checked at the public verification API.
 *
 * Last line exactly: `certificate p95_ms=<x> n=1000`. Target ≤ 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../electron/desk/core';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import { enrolWorkstation, seedDemo } from '../hub/seed/seed-demo';
import { buildHubServer } from '../hub/server';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import type { CertificateFact } from '../shared/certificates/facts';
import { percentile } from './percentile';

const N = Number(process.env.BENCH_CERTIFICATES ?? 1000);
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 35_000);

const pct = percentile;

/** The mix a Demografici counter sees: mostly residence and household, some contestuali. */
const MIX: { facts: CertificateFact[]; italianOnly?: boolean }[] = [
  { facts: ['residenza'] },
  { facts: ['residenza'] },
  { facts: ['stato_famiglia'] },
  { facts: ['stato_famiglia_rapporti'] },
  { facts: ['cittadinanza'], italianOnly: true },
  { facts: ['esistenza_in_vita'] },
  { facts: ['stato_civile'] },
  { facts: ['anagrafico_nascita'] },
  { facts: ['residenza', 'stato_famiglia', 'cittadinanza'], italianOnly: true },
  { facts: ['residenza', 'esistenza_in_vita'] },
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-cert-'));
  const hubDb = await openHubDatabase({ sqliteFile: join(dir, 'hub.sqlite') });
  const plan = defaultDemoPlan(RESIDENTS).filter((c) => c.comune.belfiore === 'B885');
  await seedDemo(hubDb.db, { seed: 11, comuni: plan });
  const ws = await enrolWorkstation(hubDb.db, 'B885', 'Casale - Anagrafe bench');
  const app = buildHubServer({ hubDb });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const core = await createDeskCore({
    dbFile: join(dir, 'desk.sqlite'),
    config: { ...DEFAULT_DESK_CONFIG, version: 'bench' },
    credentials: memoryCredentialStore({
      hubUrl: url,
      workstation: 'Casale - Anagrafe bench',
      token: ws.token,
    }),
    sync: { pollWaitMs: 1000, maxBackoffMs: 300 },
  });
  try {
    await core.sync.syncOnce();
    const login = await core.dispatch('session:login', {
      username: 'anagrafe.casale',
      password: DEMO_PASSWORD,
    });
    if (!login.ok) throw new Error(login.error.message);
    const people = await core.ctx.db
      .selectFrom('residents')
      .select(['id', 'citizenship'])
      .where('status', '=', 'resident')
      .orderBy('id')
      .execute();
    const italians = people.filter((p) => p.citizenship === 'IT');
    console.log(`mirror residents=${people.length} italians=${italians.length}`);

    const times: number[] = [];
    const pdfBytes: number[] = [];
    let refused = 0;
    for (let i = 0; i < N; i++) {
      const kind = MIX[i % MIX.length] ?? MIX[0]!;
      const pool = kind.italianOnly ? italians : people;
      const person = pool[(i * 7919) % pool.length]!;
      const bollo =
        i % 3 === 0
          ? { kind: 'exempt', groundCode: i % 2 === 0 ? 'previdenza_assistenza' : 'scuola' }
          : { kind: 'marca', marcaId: String(10_000_000_000_000 + i) };
      const t0 = performance.now();
      const res = await core.dispatch('certificates:issue', {
        residentId: person.id,
        facts: kind.facts,
        destination: i % 10 === 9 ? 'abroad' : 'private_it',
        bollo,
        delivery: i % 4 === 0 ? 'file' : 'printed',
      });
      times.push(performance.now() - t0);
      if (!res.ok) {
        refused++;
        continue;
      }
      pdfBytes.push(Math.round((res.value as { pdfBase64: string }).pdfBase64.length * 0.75));
    }
    const issued = N - refused;
    console.log(
      `issue n=${N} issued=${issued} refused=${refused} p50_ms=${pct(times, 50).toFixed(2)} p95_ms=${pct(times, 95).toFixed(2)} p99_ms=${pct(times, 99).toFixed(2)} max_ms=${Math.max(...times).toFixed(1)} pdf_kb_p50=${(pct(pdfBytes, 50) / 1024).toFixed(1)}`,
    );

    const t0 = performance.now();
    let status = await core.sync.syncOnce();
    for (let i = 0; i < 20 && status.pending > 0; i++) status = await core.sync.syncOnce();
    const pushMs = performance.now() - t0;
    const onHub = Number(
      (
        await hubDb.db
          .selectFrom('certificates')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    console.log(
      `push certificates=${onHub} pending=${status.pending} exceptions=${status.exceptions} ms=${pushMs.toFixed(0)}`,
    );
    const last = await core.ctx.db
      .selectFrom('certificates')
      .select(['id', 'sha256'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const check = (await (
      await fetch(`${url}/api/public/verifica/${last.id}?sha256=${last.sha256}`)
    ).json()) as {
      status: string;
      hash: string;
    };
    console.log(`verify id=${last.id} status=${check.status} hash=${check.hash}`);
    if (onHub !== issued || check.hash !== 'match') throw new Error('not every certificate reached the hub');
    console.log(`certificate p95_ms=${pct(times, 95).toFixed(2)} n=${N}`);
  } finally {
    await core.close();
    await app.close();
    await hubDb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
