import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { Dispatch } from '../dispatch';

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1, for end-to-end tests in Chromium and
 * machines without Electron. A random per-run token (given to the page in the URL fragment,
 * which browsers never send to servers) must accompany every call, so other local programs
 * and pages cannot drive the desk.
 */
export interface BrowserModeServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

export async function startBrowserModeServer(opts: {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<BrowserModeServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  const root = resolve(opts.staticDir);

  const tokenOk = (req: IncomingMessage): boolean => {
    const given = Buffer.from(String(req.headers['x-sportello-token'] ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() =>
      send(res, 500, { ok: false, error: { code: 'internal', message: 'internal' } }),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/rpc') {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'invalid_input', message: 'POST only' } });
      if (!tokenOk(req)) {
        return send(res, 403, {
          ok: false,
          error: {
            code: 'unauthorized_sender',
            message: 'Richiesta rifiutata: provenienza non autorizzata.',
          },
        });
      }
      const body = await readJson(req);
      if (body === undefined) {
        return send(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'Dati non validi: JSON' },
        });
      }
      const { call, input } = (body ?? {}) as { call?: unknown; input?: unknown };
      return send(res, 200, await opts.dispatch(call, input));
    }
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, rel);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
      file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Renderer not built: run `npm run build`.');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // a call still in flight (a page left open on this desk) would hold the close for as long
        // as it waits: the desk is going away, its answers with it
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** undefined = not JSON or too large: the caller answers 400 and nothing runs. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
