/**
 * `npm run bench:updates`: 500 enrolled workstations, at once, ask the hub for their feed
 * (`/updates/win/latest.yml`) and download the offered 100 MB installer differentially, as
 * electron-updater does: both blockmaps, then the changed blocks in multi-range requests
 * (`bytes=a-b, c-d, …`, up to 1000 ranges each), the plan computed by electron-updater's own
 * `computeOperations`; the answers are multipart/byteranges, paced by the hub's download gate
 * (32 streams, the rest queued). One desk rebuilds the new installer from its old one and the
 * parts and checks the sha512 of latest.yml. Real HTTP on 127.0.0.1, SQLite, one process.
 *
 * feed_p95_ms is the hub's own handling time of a feed request (Fastify's elapsed time, from the
 * request arriving to the answer sent) while the 500 desks start together, as bench:permits
 * measures; the client's round trip, which adds the queue of 500 sockets on this 2-core machine,
 * is printed beside it. download_mb_s is what the hub served (blockmaps and ranges) per second of
 * wall time until the last desk finished. Knobs: BENCH_WORKSTATIONS, BENCH_ARTEFACT_MB,
 * BENCH_CHANGED_PERCENT.
 *
 * Last line exactly: `updates feed_p95_ms=<x> workstations=500 download_mb_s=<y>`.
 * Target: feed p95 ≤ 20 ms.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BlockMap } from 'builder-util-runtime/out/blockMapApi';
import {
  computeOperations,
  OperationKind,
} from 'electron-updater/out/differentialDownloader/downloadPlanBuilder';
import { loadAuditKeeping } from '../hub/audit/audit-key';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { enrolWorkstation, seedComuniAndUsers } from '../hub/seed/seed-demo';
import { buildHubServer } from '../hub/server';
import { openArtefactStore, updatesDirOf } from '../hub/updates/artefact-store';
import { publishRelease } from '../hub/updates/releases';
import { FAST_TEST_SCRYPT } from '../test-support/password-cost';
import { BALZOLA, CASALE } from '../test-support/registry-fixture';
import { blockmapOf, readBlockmap } from '../test-support/updater-client';
import { percentile } from './percentile';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const WORKSTATIONS = env('BENCH_WORKSTATIONS', 500);
const ARTEFACT_MB = env('BENCH_ARTEFACT_MB', 100);
const CHANGED_PERCENT = env('BENCH_CHANGED_PERCENT', 5);
const BLOCK = 64 * 1024;
const FEED = '/updates/win/latest.yml';

const ms = (x: number) => x.toFixed(2);

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer | null;
  bytes: number;
}

/** GET with the workstation's credential; the body kept or only counted. */
function get(
  agent: Agent,
  base: string,
  path: string,
  token: string,
  headers: Record<string, string> = {},
  keep = true,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { agent, headers: { authorization: `Bearer ${token}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (keep) chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: keep ? Buffer.concat(chunks) : null,
            bytes,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The parts of a multipart/byteranges body, in order (the reassembling desk only). */
function parts(body: Buffer, boundary: string): { start: number; data: Buffer }[] {
  const out: { start: number; data: Buffer }[] = [];
  const sep = Buffer.from(`--${boundary}`);
  let at = body.indexOf(sep);
  while (at >= 0) {
    const headEnd = body.indexOf('\r\n\r\n', at);
    if (headEnd < 0) break;
    const head = body.subarray(at, headEnd).toString();
    const m = /Content-Range: bytes (\d+)-(\d+)\//i.exec(head);
    if (!m) break;
    const start = Number(m[1]);
    const end = Number(m[2]);
    out.push({ start, data: body.subarray(headEnd + 4, headEnd + 4 + end - start + 1) });
    at = body.indexOf(sep, headEnd + 4 + end - start + 1);
  }
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-updates-'));
  const hubDir = join(dir, 'hub');
  const hubDb = await openHubDatabase({ sqliteFile: join(dir, 'hub.sqlite') });
  try {
    await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA], FAST_TEST_SCRYPT);
    const tokens: string[] = [];
    for (let i = 0; i < WORKSTATIONS; i++)
      tokens.push(
        (await enrolWorkstation(hubDb.db, i % 5 === 4 ? 'A605' : 'B885', `Postazione ${i + 1}`)).token,
      );

    // the installers: a new version differing from the old in CHANGED_PERCENT of its blocks
    const oldFile = join(dir, 'Sportello-Setup-1.0.0.exe');
    const newFile = join(dir, 'Sportello-Setup-1.1.0.exe');
    const old = randomBytes(ARTEFACT_MB * 1024 * 1024);
    writeFileSync(oldFile, old);
    const next = Buffer.from(old);
    const blocks = Math.ceil(next.length / BLOCK);
    for (let b = 0; b < blocks; b++)
      if ((b * 7919) % 100 < CHANGED_PERCENT) randomBytes(BLOCK).copy(next, b * BLOCK);
    writeFileSync(newFile, next);
    const oldMap = blockmapOf(oldFile, BLOCK);
    const newMap = blockmapOf(newFile, BLOCK);
    writeFileSync(`${oldFile}.blockmap`, oldMap.gz);
    writeFileSync(`${newFile}.blockmap`, newMap.gz);
    const store = openArtefactStore(updatesDirOf(hubDir));
    const everyone = [
      { ring: 'pilot', afterDays: 0 },
      { ring: 'casale', afterDays: 0 },
      { ring: 'partners', afterDays: 0 },
    ];
    const now = Date.now();
    for (const [version, file, at] of [
      ['1.0.0', oldFile, now - 30 * 86_400_000],
      ['1.1.0', newFile, now - 60_000],
    ] as const)
      await publishRelease(
        hubDb.db,
        store,
        {
          platform: 'win',
          version,
          notes: `Versione ${version}`,
          installer: file,
          blockmap: `${file}.blockmap`,
          schedule: everyone,
        },
        new Date(at),
      );

    const app = buildHubServer({ hubDb, audit: loadAuditKeeping(dir) });
    const feedHandling: number[] = [];
    app.addHook('onResponse', async (req, reply) => {
      if (req.url === FEED) feedHandling.push(reply.elapsedTime);
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const expectedSha512 = createHash('sha512').update(next).digest('base64');
    const roundTrips: number[] = [];
    let served = 0;
    let retried = 0;

    const desk = async (token: string, i: number): Promise<void> => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const t = performance.now();
        const feed = await get(agent, base, FEED, token, { 'x-sportello-version': '1.0.0' });
        roundTrips.push(performance.now() - t);
        const yml = feed.body?.toString() ?? '';
        if (feed.status !== 200 || !yml.includes('version: "1.1.0"'))
          throw new Error(`feed ${feed.status}: ${yml.slice(0, 200)}`);
        const sha512 = /\nsha512: "([^"]+)"/.exec(yml)?.[1];
        const name = 'Sportello-Setup-1.1.0.exe';
        const olds = await get(agent, base, `/updates/win/Sportello-Setup-1.0.0.exe.blockmap`, token);
        const news = await get(agent, base, `/updates/win/${name}.blockmap`, token);
        served += olds.bytes + news.bytes;
        const plan = computeOperations(
          readBlockmap(olds.body!) as BlockMap,
          readBlockmap(news.body!) as BlockMap,
          {
            info: () => undefined,
            warn: () => undefined,
            error: () => undefined,
          } as never,
        );
        const downloads = plan.filter((op) => op.kind === OperationKind.DOWNLOAD);
        const rebuilt = i === 0 ? Buffer.alloc(next.length) : null;
        if (rebuilt)
          for (const op of plan)
            if (op.kind === OperationKind.COPY) old.copy(rebuilt, op.start, op.start, op.end);
        for (let at = 0; at < downloads.length; at += 1000) {
          const range = `bytes=${downloads
            .slice(at, at + 1000)
            .map((op) => `${op.start}-${op.end - 1}`)
            .join(', ')}`;
          let res = await get(agent, base, `/updates/win/${name}`, token, { range }, rebuilt !== null);
          while (res.status === 503) {
            retried++;
            await new Promise((r) => setTimeout(r, 1000));
            res = await get(agent, base, `/updates/win/${name}`, token, { range }, rebuilt !== null);
          }
          if (res.status !== 206) throw new Error(`ranges ${res.status}`);
          served += res.bytes;
          if (rebuilt && res.body) {
            const boundary = /boundary=(\S+)/.exec(String(res.headers['content-type']))?.[1];
            // one range is answered as a plain 206, several as multipart/byteranges
            if (boundary) for (const p of parts(res.body, boundary)) p.data.copy(rebuilt, p.start);
            else
              res.body.copy(rebuilt, Number(/bytes (\d+)-/.exec(String(res.headers['content-range']))?.[1]));
          }
        }
        if (rebuilt) {
          const got = createHash('sha512').update(rebuilt).digest('base64');
          if (got !== sha512 || got !== expectedSha512)
            throw new Error('the rebuilt installer does not match latest.yml’s sha512');
        }
      } finally {
        agent.destroy();
      }
    };

    // a hub that has been running: one answer before the desks arrive (not counted)
    const warm = new Agent();
    await get(warm, base, FEED, tokens[0] ?? '');
    warm.destroy();
    feedHandling.length = 0;
    const t0 = performance.now();
    await Promise.all(tokens.map((token, i) => desk(token, i)));
    const seconds = (performance.now() - t0) / 1000;
    await app.close();

    const mb = served / 1024 / 1024;
    console.log(
      `[bench] ${WORKSTATIONS} workstations, ${ARTEFACT_MB} MB installer, ${CHANGED_PERCENT}% of its ${blocks} blocks changed; sha512 of the rebuilt installer matches latest.yml`,
    );
    console.log(
      `[bench] feed: hub handling p50 ${ms(percentile(feedHandling, 50))} ms, p95 ${ms(percentile(feedHandling, 95))} ms, max ${ms(Math.max(...feedHandling))} ms; client round trip p95 ${ms(percentile(roundTrips, 95))} ms (500 sockets opening at once)`,
    );
    console.log(
      `[bench] served ${mb.toFixed(0)} MB (blockmaps + ranges) in ${seconds.toFixed(1)} s; ${retried} requests told to come back (503)`,
    );
    console.log(
      `updates feed_p95_ms=${ms(percentile(feedHandling, 95))} workstations=${WORKSTATIONS} download_mb_s=${(mb / seconds).toFixed(1)}`,
    );
  } finally {
    await hubDb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
