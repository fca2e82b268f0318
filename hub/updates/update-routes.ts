import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import { renderFeedYaml } from '../../shared/updates/feed';
import {
  isUpdatePlatform,
  platformOfFeedFile,
  UPDATE_PLATFORMS,
  type UpdatePlatform,
} from '../../shared/updates/platforms';
import { offerFor, ringOfWorkstation } from '../../shared/updates/rollout';
import {
  DESK_VERSION_HEADER,
  UPDATE_KEY_PATH,
  UPDATE_REPORT_PATH,
  UPDATES_PREFIX,
  updateReportSchema,
} from '../../shared/updates/update-wire';
import { deskVersionSchema } from '../../shared/updates/version';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { requestLocale } from '../http-errors';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';
import { artefactPath, openArtefactStore, updatesDirOf, type ArtefactStore } from './artefact-store';
import { DEFAULT_DOWNLOAD_GATE, DownloadGate, type DownloadGateOptions } from './download-gate';
import { FeedStateCache, type FeedState } from './feed-state';
import { multipartLayout, parseRange, type ByteRange } from './byte-ranges';
import { recordReport, updateStatus } from './reports';
import { renderStatusPage } from './status-page';
import { loadUpdateKey, signDowngrade, type UpdateKey } from './update-key';
import type { UpdateFileRow } from './update-tables';

export const UPDATE_STATUS_PATH = `${UPDATES_PREFIX}/status`;
const SMALL_FILE_BYTES = 1024 * 1024;

/**
 * What the feed and file routes read from a request, for the OpenAPI description: the desk's
 * version header is parsed with `deskVersionSchema` where it is read (a malformed one is ignored,
 * the last reported version counts), the platform is checked against UPDATE_PLATFORMS in `serve`.
 * The answers are YAML or bytes: no response schema.
 */
const feedHeadersSchema = z.object({
  [DESK_VERSION_HEADER]: deskVersionSchema.optional(),
  range: z.string().optional(),
});
const fileParamsSchema = z.object({ file: z.string() });
const platformFileParamsSchema = z.object({ platform: z.enum(UPDATE_PLATFORMS), file: z.string() });

export interface UpdateRoutesOptions {
  /** where the artefacts and the update key live; default: beside the audit key (<data>/hub) */
  hubDir?: string;
  gate?: DownloadGateOptions;
  feedTtlMs?: number;
}

/**
 * Knobs from the environment: SPORTELLO_UPDATE_STREAMS (files streaming at once, default 32),
 * SPORTELLO_UPDATE_QUEUE (requests waiting for a stream, default 2000), SPORTELLO_UPDATE_FEED_TTL_MS
 * (how stale the feed's view of releases may be, default 2000; 0 reads them at every request).
 */
export function updateRoutesOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): UpdateRoutesOptions {
  const num = (v: string | undefined, fallback: number): number => {
    const n = Number(v);
    return v !== undefined && v.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return {
    gate: {
      streams: Math.max(1, num(env.SPORTELLO_UPDATE_STREAMS, DEFAULT_DOWNLOAD_GATE.streams)),
      queue: num(env.SPORTELLO_UPDATE_QUEUE, DEFAULT_DOWNLOAD_GATE.queue),
      waitMs: DEFAULT_DOWNLOAD_GATE.waitMs,
    },
    feedTtlMs: num(env.SPORTELLO_UPDATE_FEED_TTL_MS, 2_000),
  };
}

/** The hub's update routes and what they share (exposed for the benchmark). */
export interface UpdateRoutes {
  gate: DownloadGate;
  cache: FeedStateCache;
  store: ArtefactStore;
}

/** What the desk can compute too: the first 32 hex digits of the SHA-256 of its token. */
const credentialFingerprint = (ws: WorkstationRow): string => ws.token_hash.slice(0, 32);

function ringIn(state: FeedState, ws: Pick<WorkstationRow, 'id' | 'comune'>): string {
  return ringOfWorkstation(
    state.ownRings.get(ws.id) ?? null,
    state.comuneRings.get(ws.comune) ?? null,
    state.rings.map((r) => r.name),
  );
}

/**
 * The feed electron-updater reads (`/updates/<platform>/latest.yml`, also `/updates/latest.yml`
 * etc. for a publish URL without the platform), the files it downloads (ranges, paced), the
 * desks' reports and the admin's status page. Every route but the public key needs the
 * workstation's credential (the same Bearer token as the sync): the feed is computed for that
 * workstation — its ring from the hub's data, never from anything the desk says.
 */
export function registerUpdateRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  opts: UpdateRoutesOptions = {},
): UpdateRoutes {
  const hubDir = opts.hubDir ?? dirname(ctx.audit.anchorsFile);
  const store = openArtefactStore(updatesDirOf(hubDir));
  const gate = new DownloadGate(opts.gate);
  const cache = new FeedStateCache(ctx.db, opts.feedTtlMs);
  let key: UpdateKey | null = null;
  const updateKey = (): UpdateKey => (key ??= loadUpdateKey(join(hubDir, 'update-signing.key')));

  // public: the key only verifies; a desk pins it at its first check (or from its managed configuration)
  app.get(UPDATE_KEY_PATH, { schema: { summary: "The update signing key's public half" } }, async () => ({
    publicKey: updateKey().publicKeyPem,
  }));

  const currentVersionOf = (req: FastifyRequest, state: FeedState, ws: WorkstationRow): string | null => {
    const claimed = deskVersionSchema.safeParse(req.headers[DESK_VERSION_HEADER]);
    return claimed.success ? claimed.data : (state.reportedVersions.get(ws.id) ?? null);
  };

  const offered = async (req: FastifyRequest, ws: WorkstationRow, platform: UpdatePlatform) => {
    const state = await cache.get();
    const ring = ringIn(state, ws);
    const releases = state.releases[platform];
    const current = currentVersionOf(req, state, ws);
    const offer = offerFor(
      releases.map((r) => r.facts),
      ring,
      current,
      state.failures,
      ctx.now(),
    );
    const release = offer.release
      ? releases.find((r) => r.facts.version === offer.release?.version)
      : undefined;
    return { state, ring, release, downgrade: offer.downgrade, releases };
  };

  const sendFeed = async (
    req: FastifyRequest,
    reply: FastifyReply,
    ws: WorkstationRow,
    platform: UpdatePlatform,
  ) => {
    const { state, ring, release, downgrade } = await offered(req, ws, platform);
    if (!release) throw new AppError('update_ring_release_not_found', { ring });
    const window = state.rings.find((r) => r.name === ring);
    const installer = release.files.filter((f) => f.role === 'installer');
    const yaml = renderFeedYaml({
      version: release.facts.version,
      files: installer.map((f) => ({ url: f.file_name, sha512: f.sha512, size: f.size })),
      releaseDate: release.facts.publishedAt,
      releaseNotes: release.notes,
      ring,
      installWindow:
        window?.installFrom && window.installTo ? { from: window.installFrom, to: window.installTo } : null,
      downgrade: downgrade
        ? signDowngrade(
            updateKey(),
            { workstation: credentialFingerprint(ws), platform, ...downgrade },
            ctx.now(),
          )
        : null,
    });
    return reply
      .header('content-type', 'text/yaml; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(yaml);
  };

  /**
   * An installer only when it is the version offered to this workstation; a blockmap of any
   * release (checksums only: the differential download needs the one of the version it runs).
   */
  const fileFor = async (
    req: FastifyRequest,
    ws: WorkstationRow,
    platform: UpdatePlatform,
    name: string,
  ): Promise<UpdateFileRow> => {
    const { release, releases } = await offered(req, ws, platform);
    const file = releases.flatMap((r) => r.files).find((f) => f.file_name === name);
    if (!file || (file.role === 'installer' && file.release_id !== release?.id))
      throw new AppError('update_file_not_found', { file: name.slice(0, 80) });
    return file;
  };

  const sendFile = async (req: FastifyRequest, reply: FastifyReply, file: UpdateFileRow) => {
    const ranges = parseRange(req.headers.range, file.size);
    if (ranges === 'unsatisfiable')
      return reply
        .code(416)
        .header('content-range', `bytes */${file.size}`)
        .send({
          error: new AppError('update_range_invalid', { file: file.file_name }).toData(requestLocale(req)),
        });
    // blockmaps and other small files skip the gate: it paces bandwidth, and a desk must not wait
    // behind 32 installers for the 100 KB that tell it how little it needs
    const paced = file.size > SMALL_FILE_BYTES;
    if (paced && !(await gate.acquire())) {
      const seconds = gate.retryAfterSeconds();
      return reply
        .code(503)
        .header('retry-after', String(seconds))
        .send({ error: new AppError('update_downloads_busy', { seconds }).toData(requestLocale(req)) });
    }
    let released = !paced;
    const done = () => {
      if (released) return;
      released = true;
      gate.release();
    };
    reply.raw.once('close', done);
    try {
      const path = artefactPath(store, file.sha256);
      const type = file.role === 'blockmap' ? 'application/octet-stream' : 'application/octet-stream';
      void reply
        .header('accept-ranges', 'bytes')
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-transform');
      if (ranges === null)
        return reply
          .header('content-type', type)
          .header('content-length', file.size)
          .send(createReadStream(path));
      const [only] = ranges;
      if (ranges.length === 1 && only)
        return reply
          .code(206)
          .header('content-type', type)
          .header('content-range', `bytes ${only.start}-${only.end}/${file.size}`)
          .header('content-length', only.end - only.start + 1)
          .send(createReadStream(path, { start: only.start, end: only.end }));
      const boundary = randomBytes(12).toString('hex');
      const layout = multipartLayout(ranges, file.size, type, boundary);
      return reply
        .code(206)
        .header('content-type', `multipart/byteranges; boundary=${boundary}`)
        .header('content-length', layout.length)
        .send(Readable.from(multipartBody(path, ranges, layout)));
    } catch (err) {
      done();
      throw err;
    }
  };

  const serve =
    (fixedPlatform: boolean) =>
    async (req: FastifyRequest<{ Params: { platform?: string; file: string } }>, reply: FastifyReply) => {
      const ws = await ctx.workstationOf(req);
      const name = req.params.file;
      const feedPlatform = platformOfFeedFile(name);
      let platform: UpdatePlatform | null = null;
      if (fixedPlatform) {
        const p = req.params.platform ?? '';
        if (!isUpdatePlatform(p)) throw new AppError('route_not_found', { path: req.url.slice(0, 60) });
        platform = p;
      } else if (feedPlatform) platform = feedPlatform;
      if (feedPlatform) {
        if (platform !== feedPlatform)
          throw new AppError('update_file_not_found', { file: name.slice(0, 80) });
        return sendFeed(req, reply, ws, feedPlatform);
      }
      // /updates/<file> (publish URL without the platform): the platform whose release names it
      const state = await cache.get();
      const candidates = platform
        ? [platform]
        : UPDATE_PLATFORMS.filter((p) =>
            state.releases[p].some((r) => r.files.some((f) => f.file_name === name)),
          );
      const first = candidates[0];
      if (!first) throw new AppError('update_file_not_found', { file: name.slice(0, 80) });
      return sendFile(req, reply, await fileFor(req, ws, first, name));
    };

  app.get<{ Params: { file: string } }>(
    `${UPDATES_PREFIX}/:file`,
    {
      schema: {
        summary: "The workstation's update feed or a file of its release (platform from the name)",
        params: fileParamsSchema,
        headers: feedHeadersSchema,
      },
    },
    serve(false),
  );
  app.get<{ Params: { platform: string; file: string } }>(
    `${UPDATES_PREFIX}/:platform/:file`,
    {
      schema: {
        summary: "The workstation's update feed or a file of its release, for one platform",
        params: platformFileParamsSchema,
        headers: feedHeadersSchema,
      },
    },
    serve(true),
  );

  app.post(
    UPDATE_REPORT_PATH,
    { schema: { summary: "A desk's update outcome", body: updateReportSchema } },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      const report = parse(updateReportSchema, req.body);
      const { failed } = await recordReport(ctx.db, ws, report, ctx.now());
      // a failure may stop a rollout: the next feed answer must count it
      if (failed) cache.invalidate();
      const state = await cache.get();
      return { ok: true, ring: ringIn(state, ws) };
    },
  );

  // The admin's table for the comune (tenancy: an admin of one comune sees only its desks).
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  app.get(
    UPDATE_STATUS_PATH,
    { schema: { summary: "The comune's desks and their versions (admin; HTML or JSON)" } },
    async (req, reply) => {
      const ws = await ctx.workstationOf(req);
      const clerk = await clerkOf(req, ws);
      if (clerk.role !== 'admin')
        throw new AppError('action_not_allowed', {
          action_it: 'stato degli aggiornamenti',
          action_en: 'update status',
          role_it: clerk.role,
          role_en: clerk.role,
        });
      const rows = await updateStatus(ctx.db, ws.comune);
      const comune = await ctx.db
        .selectFrom('comuni')
        .select('name')
        .where('belfiore', '=', ws.comune)
        .executeTakeFirst();
      const nonce = randomBytes(16).toString('base64');
      if (String(req.headers.accept ?? '').includes('application/json')) return { workstations: rows };
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'`,
        )
        .send(renderStatusPage(comune?.name ?? ws.comune, rows, nonce));
    },
  );

  return { gate, cache, store };
}

/** The parts of a multipart/byteranges answer, read from one open file. */
async function* multipartBody(
  path: string,
  ranges: readonly ByteRange[],
  layout: { heads: string[]; tail: string },
): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    for (const [i, r] of ranges.entries()) {
      yield Buffer.from(layout.heads[i] ?? '');
      let pos = r.start;
      while (pos <= r.end) {
        const n = Math.min(256 * 1024, r.end - pos + 1);
        const buf = Buffer.allocUnsafe(n);
        const { bytesRead } = await fh.read(buf, 0, n, pos);
        if (bytesRead === 0) throw new Error(`artefact ${path} is shorter than recorded`);
        yield bytesRead === n ? buf : buf.subarray(0, bytesRead);
        pos += bytesRead;
      }
    }
    yield Buffer.from(layout.tail);
  } finally {
    await fh.close();
  }
}
