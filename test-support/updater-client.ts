import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { gzipSync, gunzipSync } from 'node:zlib';
import { CancellationToken, HttpExecutor } from 'builder-util-runtime';
import type { BlockMap } from 'builder-util-runtime/out/blockMapApi';
import { GenericDifferentialDownloader } from 'electron-updater/out/differentialDownloader/GenericDifferentialDownloader';
// @ts-expect-error -- js-yaml ships no types here; it is the parser electron-updater reads latest.yml with
import { load as loadYaml } from 'js-yaml';

const load = loadYaml as (text: string) => unknown;

/** electron-updater's own HTTP layer, in plain Node (its Electron executor needs Electron). */
class NodeExecutor extends HttpExecutor<http.ClientRequest> {
  constructor(private readonly agent: http.Agent) {
    super();
  }
  createRequest(
    options: http.RequestOptions,
    callback: (response: http.IncomingMessage) => void,
  ): http.ClientRequest {
    return http.request({ ...options, agent: this.agent }, callback);
  }
}

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * What a desk's electron-updater does against the hub, without Electron: read `latest.yml` the
 * way it parses it (js-yaml), download a file whole, or differentially with its own
 * GenericDifferentialDownloader (multi-range requests, multipart/byteranges, sha512 check).
 */
export class UpdaterClient {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  private readonly executor = new NodeExecutor(this.agent);

  constructor(
    readonly token: string,
    readonly version: string | null = null,
  ) {}

  headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.token}`,
      ...(this.version ? { 'x-sportello-version': this.version } : {}),
    };
  }

  async get(
    url: string,
    extra: Record<string, string> = {},
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = http.get(url, { agent: this.agent, headers: { ...this.headers(), ...extra } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  }

  async feed(url: string): Promise<FeedYaml> {
    const res = await this.get(url);
    if (res.status !== 200) throw new Error(`feed ${res.status}: ${res.body.toString()}`);
    return load(res.body.toString('utf8')) as FeedYaml;
  }

  /** The differential download electron-updater runs for NSIS and AppImage updates. */
  async differential(opts: {
    newUrl: string;
    oldFile: string;
    newFile: string;
    oldBlockMap: BlockMap;
    newBlockMap: BlockMap;
    size: number;
    sha512: string;
  }): Promise<void> {
    const downloader = new GenericDifferentialDownloader(
      { size: opts.size, sha512: opts.sha512 } as never,
      this.executor,
      {
        newUrl: new URL(opts.newUrl),
        oldFile: opts.oldFile,
        newFile: opts.newFile,
        logger: quietLogger,
        requestHeaders: this.headers(),
        isUseMultipleRangeRequest: true,
        cancellationToken: new CancellationToken(),
      },
    );
    await downloader.download(opts.oldBlockMap, opts.newBlockMap);
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface FeedYaml {
  version: string;
  files: { url: string; sha512: string; size: number }[];
  path: string;
  sha512: string;
  releaseDate: string;
  releaseNotes: string;
  sportelloRing: string;
  sportelloInstallWindow?: { from: string; to: string };
  sportelloDowngrade?: Record<string, string>;
}

/**
 * A blockmap in electron-builder's format (gzipped JSON, version 2), cut in fixed blocks: the
 * differential downloader compares the block checksums only, so fixed blocks stand in for
 * app-builder's content-defined ones when the changes do not shift the bytes.
 */
export function blockmapOf(file: string, block = 64 * 1024): { map: BlockMap; gz: Buffer } {
  const data = readFileSync(file);
  const checksums: string[] = [];
  const sizes: number[] = [];
  for (let at = 0; at < data.length; at += block) {
    const chunk = data.subarray(at, Math.min(data.length, at + block));
    checksums.push(createHash('sha256').update(chunk).digest('base64'));
    sizes.push(chunk.length);
  }
  const map: BlockMap = { version: '2', files: [{ name: 'file', offset: 0, checksums, sizes }] };
  return { map, gz: gzipSync(JSON.stringify(map)) };
}

export const readBlockmap = (gz: Buffer): BlockMap => JSON.parse(gunzipSync(gz).toString()) as BlockMap;

export const sha512Base64 = (file: string): string =>
  createHash('sha512').update(readFileSync(file)).digest('base64');
