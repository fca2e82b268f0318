import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { parseCertificateId } from '../../shared/certificates/certificate-id';
import { verificationStatus } from '../../shared/certificates/certificate-record';
import { findCertificateById } from './certificate-repository';
import {
  renderNotFoundPage,
  renderRateLimitedPage,
  renderVerificationPage,
  type HashCheck,
  type VerificationView,
} from './verification-page';
import { AppError } from '../../shared/errors/app-error';
import { z } from 'zod';
import { requestLocale, sendError } from '../http-errors';
import { limited, RATE_LIMIT_CACHE, RATE_LIMITS } from '../ops/rate-limits';
import type { RouteContext } from '../routes/route-context';

export const VERIFY_PAGE_PATH = '/verifica/:id';
export const VERIFY_API_PATH = '/api/public/verifica/:id';

/**
 * Verification is public and each answer says whether an identifier exists, so it is rate-limited
 * per client address: enough for an office checking a pile of certificates by hand, far too few
 * to sweep the identifier space. Only these routes; the counters' API has its own credentials.
 */
export const VERIFY_RATE_LIMIT = {
  limit: RATE_LIMITS.verify.max,
  windowMs: RATE_LIMITS.verify.timeWindow,
  maxClients: RATE_LIMIT_CACHE,
} as const;

/** The page and the API count together per address (@fastify/rate-limit, hub/ops/rate-limits.ts). */
const VERIFY_LIMIT = limited('verify', {
  groupId: 'certificate-verify',
  error: (seconds) => new AppError('verification_rate_limited', { seconds }),
});

const verifySchema = (summary: string) => ({
  summary,
  params: z.object({ id: z.string() }),
  querystring: z.object({ sha256: z.string().optional() }),
});

/** A lookup of someone's certificate is a read too, by whoever asked (no login: the public chain). */
const VERIFY_AUDIT = {
  action: 'certificate.verify',
  entity: 'certificate',
  public: true,
  subject: (req: FastifyRequest) => String((req.params as { id?: unknown }).id ?? '').slice(0, 40),
};

/**
 * The public side of the hub (DOMAIN.md §1.8): whoever holds a printout scans its QR code and
 * learns whether it is genuine. No login, nothing personal beyond the holder's initials.
 */
export function verificationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  async function lookup(
    raw: string,
  ): Promise<{ view: VerificationView | null; sha256: string | null; malformed: boolean }> {
    const parsed = parseCertificateId(raw);
    if (!parsed.ok) return { view: null, sha256: null, malformed: true };
    const id = raw.trim().toUpperCase();
    const row = await findCertificateById(ctx.db, id);
    if (!row) return { view: null, sha256: null, malformed: false };
    const comune = await ctx.db
      .selectFrom('comuni')
      .select('name')
      .where('belfiore', '=', row.comune)
      .executeTakeFirst();
    return {
      view: {
        id: row.id,
        comuneName: comune?.name ?? row.comune,
        holderInitials: row.holder_initials,
        title: row.title,
        issuedOn: row.issued_on,
        validUntil: row.valid_until,
        status: verificationStatus(
          {
            revokedAt: row.revoked_at,
            validUntil: row.valid_until,
            verifiable: Number(row.verifiable) === 1,
          },
          romeDateOf(ctx.now()),
        ),
        revokedOn: row.revoked_at ? romeDateOf(new Date(row.revoked_at)) : null,
      },
      sha256: row.sha256,
      malformed: false,
    };
  }

  const hashCheck = (presented: unknown, recorded: string | null): HashCheck => {
    if (typeof presented !== 'string' || presented.trim() === '') return { kind: 'none' };
    const hex = presented.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex)) return { kind: 'invalid' };
    return hex === recorded ? { kind: 'match' } : { kind: 'mismatch' };
  };

  const sendPage = (reply: FastifyReply, status: number, html: (nonce: string) => string) => {
    const nonce = randomBytes(16).toString('base64');
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      )
      .header('referrer-policy', 'no-referrer')
      .send(html(nonce));
  };

  app.get<{ Params: { id: string }; Querystring: { sha256?: string } }>(
    VERIFY_PAGE_PATH,
    {
      schema: verifySchema('Public verification page of a certificate (HTML)'),
      config: { audit: VERIFY_AUDIT, rateLimit: VERIFY_LIMIT },
      // a person at a browser: the refusal as a page, in Italian, before any database work
      errorHandler: (err, req, reply) => {
        if (!(err instanceof AppError) || err.code !== 'verification_rate_limited')
          return sendError(req, reply, err);
        const message = err.toData('it').message;
        return sendPage(reply, 429, (n) => renderRateLimitedPage(message, n));
      },
    },
    async (req, reply) => {
      const found = await lookup(req.params.id);
      if (!found.view)
        return sendPage(reply, found.malformed ? 400 : 404, (n) =>
          renderNotFoundPage(req.params.id, n, found.malformed),
        );
      const view = found.view;
      return sendPage(reply, 200, (n) =>
        renderVerificationPage(view, hashCheck(req.query.sha256, found.sha256), n),
      );
    },
  );

  /** The same answer for machines (e.g. an office that checks certificates in bulk). */
  app.get<{ Params: { id: string }; Querystring: { sha256?: string } }>(
    VERIFY_API_PATH,
    {
      schema: verifySchema('Public verification of a certificate (JSON)'),
      config: { audit: VERIFY_AUDIT, rateLimit: VERIFY_LIMIT },
    },
    async (req, reply) => {
      const found = await lookup(req.params.id);
      if (!found.view) {
        const id = req.params.id.slice(0, 40);
        const error = found.malformed
          ? new AppError('invalid_input', { detail: 'id', field: 'id' })
          : new AppError('certificate_not_found', { id });
        // the typed error every hub refusal carries, beside the fields scanners already read
        return reply
          .code(found.malformed ? 400 : 404)
          .send({ exists: false, malformed: found.malformed, error: error.toData(requestLocale(req)) });
      }
      return { exists: true, ...found.view, hash: hashCheck(req.query.sha256, found.sha256).kind };
    },
  );
}
