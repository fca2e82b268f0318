import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors/app-error';

/**
 * The hub's admin side (metrics, API docs) has no user of its own: the hub's administration is
 * the command line on its machine. So an admin endpoint answers a bearer `HUB_ADMIN_TOKEN` when
 * one is configured (a Prometheus scraper on another machine), otherwise only callers on the
 * hub's own machine (loopback; behind a reverse proxy, the proxy must not forward these paths).
 */
export function adminGuard(token: string | undefined = process.env.HUB_ADMIN_TOKEN) {
  const expected = token ? Buffer.from(token) : null;
  return async (req: FastifyRequest): Promise<void> => {
    if (expected) {
      const header = String(req.headers.authorization ?? '');
      const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
      if (given.length === expected.length && timingSafeEqual(given, expected)) return;
      throw new AppError('admin_only');
    }
    if (!isLoopback(req.socket.remoteAddress ?? '')) throw new AppError('admin_only');
  };
}

/** The socket's own peer, not X-Forwarded-For: a proxy on the same machine is not the admin. */
const isLoopback = (ip: string): boolean =>
  ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
