import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAllowed } from '../../shared/auth/policy';
import { daysBetween } from '../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { AppError } from '../../shared/errors/app-error';
import { permitVerificationView } from '../../shared/permits/in-force';
import { permitKeySchema, permitNumberSchema } from '../../shared/permits/permit-wire';
import { parsePlate } from '../../shared/permits/plate';
import {
  PERMIT_CHECK_PATH,
  PERMIT_DECISION_PATH,
  PERMIT_REVIEW_PATH,
  PERMIT_REVOCATIONS_PATH,
  PERMIT_STATS_PATH,
  PERMIT_TRANSITS_PATH,
  PERMIT_VERIFY_PATH,
  PERMIT_WHITELIST_PATH,
  PERMITS_API,
  permitCheckQuerySchema,
  reviewQuerySchema,
  statsQuerySchema,
  transitDecisionSchema,
  whitelistQuerySchema,
} from '../../shared/permits/street-wire';
import { sendError } from '../http-errors';
import { limited } from '../ops/rate-limits';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';
import { findPermitByNumber } from './permit-repository';
import { PermitRefusalError } from './permit-refusals';
import { permitStats } from './permit-stats';
import { checkPlate } from './street-check';
import { decideTransit, importTransits, reviewItemOf, verbaleDraftOf } from './transits';
import { renderPermitNotFoundPage, renderPermitPage, renderPermitRateLimitedPage } from './verification-page';
import { snapshotWhitelist, whitelistDeltaSince, whitelistOf } from './whitelist';

/** A vendor's day of passages: a city of Trento's size sends ~3,000 lines; room for far more. */
export const TRANSITS_BODY_LIMIT = 16 * 1024 * 1024;
const MAX_STATS_DAYS = 366;
export const FINES_CSV_PATH = `${PERMITS_API}/transits/fines.csv`;

const VERBALI_HEADER =
  'numero_verbale;serie;targa;data_violazione;ora;articolo;comma;data_notifica;modalita_notifica;spese_notifica;punti;conducente_identificato';

/** The street side of permits, the supervisors' figures and queues, the public QR check. */
export function registerPermitRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  /** a clerk's session at a workstation of the comune, allowed `action` by the shared policy */
  const allowed = async (req: FastifyRequest, action: Parameters<typeof requireAllowed>[1]) => {
    const ws = await ctx.workstationOf(req);
    const clerk = await clerkOf(req, ws);
    requireAllowed(clerk.role, action);
    return { ws, clerk };
  };

  // --- the cameras' and wardens' check: device token, its comune only ---
  app.get(
    PERMIT_CHECK_PATH,
    { schema: { summary: 'Checks a plate against the permits', querystring: permitCheckQuerySchema } },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      const q = parse(permitCheckQuerySchema, req.query);
      const plate = parsePlate(q.plate, q.country ?? 'I');
      if (!plate.ok) throw new PermitRefusalError('plate_invalid', plate.params);
      return checkPlate(ctx.db, {
        comune: ws.comune,
        plate: plate.plate,
        country: plate.country,
        zone: q.zone ?? null,
        at: q.at ?? romeDateTimeOf(ctx.now()),
      });
    },
  );

  // --- the vendor's whitelist, whole or as the delta since a day's list ---
  app.get(
    PERMIT_WHITELIST_PATH,
    { schema: { summary: 'The ZTL whitelist', querystring: whitelistQuerySchema } },
    async (req, reply) => {
      const ws = await ctx.workstationOf(req);
      const q = parse(whitelistQuerySchema, req.query);
      const today = romeDateOf(ctx.now());
      const current = await whitelistOf(ctx.db, ws.comune, today);
      const body = q.since ? await whitelistDeltaSince(ctx.db, ws.comune, q.since, current) : current;
      await snapshotWhitelist(ctx.db, ws.comune, today, current, ctx.now().toISOString());
      const name = q.since
        ? `whitelist-${ws.comune}-${q.since}-${today}.csv`
        : `whitelist-${ws.comune}-${today}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  // --- camera transits: the vendor's CSV as the body ---
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: TRANSITS_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      PERMIT_TRANSITS_PATH,
      { schema: { summary: 'Imports ZTL gate transits (CSV)' }, bodyLimit: TRANSITS_BODY_LIMIT },
      async (req) => {
        const ws = await ctx.workstationOf(req);
        const text = parse(z.string().min(1), req.body);
        return importTransits(ctx.db, ws.comune, text, ctx.now().toISOString());
      },
    );
  });

  app.get(
    PERMIT_REVIEW_PATH,
    {
      schema: { summary: 'Transits to review', querystring: reviewQuerySchema },
      config: { audit: { action: 'permits.transits.review', entity: 'permit_transit' } },
    },
    async (req) => {
      const { ws } = await allowed(req, 'permits.review');
      const q = parse(reviewQuerySchema, req.query);
      let query = ctx.db
        .selectFrom('permit_transits as t')
        .leftJoin('permits as p', 'p.id', 't.permit_id')
        .selectAll('t')
        .select('p.number as permit_number')
        .where('t.comune', '=', ws.comune)
        .where('t.status', '=', q.status);
      if (q.day) query = query.where('t.at', '>=', q.day).where('t.at', '<', `${q.day}T24`);
      const rows = await query.orderBy('t.at').limit(q.limit).execute();
      return { items: rows.map(({ permit_number, ...row }) => reviewItemOf(row, permit_number)) };
    },
  );

  app.post<{ Params: { id: string } }>(
    PERMIT_DECISION_PATH,
    {
      schema: {
        summary: 'Decides a transit',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: transitDecisionSchema,
      },
    },
    async (req) => {
      const { ws, clerk } = await allowed(req, 'permits.review');
      const id = parse(z.string().min(1).max(64), req.params.id);
      const body = parse(transitDecisionSchema, req.body);
      const row = await decideTransit(
        ctx.db,
        ws.comune,
        id,
        body.decision,
        clerk.username,
        ctx.now().toISOString(),
      );
      return { item: reviewItemOf(row, null) };
    },
  );

  /** The confirmed passages as lines of the fines import (hub/cashdesk/import-service.ts). */
  app.get(FINES_CSV_PATH, { schema: { summary: 'Fines as CSV' } }, async (req, reply) => {
    const { ws } = await allowed(req, 'permits.review');
    const rows = await ctx.db
      .selectFrom('permit_transits')
      .selectAll()
      .where('comune', '=', ws.comune)
      .where('status', '=', 'confirmed')
      .orderBy('at')
      .execute();
    const lines = rows.flatMap((r) => {
      const line = verbaleDraftOf(r)?.csvLine;
      return line ? [line] : [];
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(`${[VERBALI_HEADER, ...lines].join('\r\n')}\r\n`);
  });

  app.get(
    PERMIT_STATS_PATH,
    { schema: { summary: 'Permit statistics', querystring: statsQuerySchema } },
    async (req) => {
      const { ws } = await allowed(req, 'permits.stats');
      const q = parse(statsQuerySchema, req.query);
      const days = daysBetween(q.from, q.to);
      if (days < 0 || days > MAX_STATS_DAYS) {
        throw new AppError('invalid_input', {
          detail: `to: da 0 a ${MAX_STATS_DAYS} giorni dopo from`,
          field: 'to',
        });
      }
      return permitStats(ctx.db, ws.comune, q.from, q.to, romeDateOf(ctx.now()));
    },
  );

  /** Permits proposed for revocation (the holder moved out, emigrated, died), for a supervisor. */
  app.get(
    PERMIT_REVOCATIONS_PATH,
    {
      schema: { summary: 'Revoked permits' },
      config: { audit: { action: 'permits.revocations', entity: 'permit' } },
    },
    async (req) => {
      const { ws } = await allowed(req, 'permits.revoke');
      const rows = await ctx.db
        .selectFrom('permits')
        .select([
          'id',
          'number',
          'kind',
          'holder_name',
          'plates',
          'zone',
          'valid_to',
          'revoked_reason',
          'updated_at',
        ])
        .where('comune', '=', ws.comune)
        .where('status', '=', 'revocation_proposed')
        .orderBy('updated_at')
        .limit(1000)
        .execute();
      return {
        permits: rows.map((r) => ({
          id: r.id,
          number: r.number,
          kind: r.kind,
          holderName: r.holder_name,
          plates: JSON.parse(r.plates) as unknown,
          zone: r.zone,
          validTo: r.valid_to,
          reason: r.revoked_reason,
          proposedAt: r.updated_at,
        })),
      };
    },
  );

  verificationRoute(app, ctx);
}

/** Counted per address apart from certificates' (@fastify/rate-limit, hub/ops/rate-limits.ts). */
const PERMIT_VERIFY_LIMIT = limited('verify', {
  groupId: 'permit-verify',
  error: (seconds) => new AppError('verification_rate_limited', { seconds }),
});

const sameKey = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * `GET /verify/permit/:number?k=<key>`: public, rate-limited per address like certificates'; the
 * random key printed in the QR code must match, so the numbers cannot be walked.
 */
function verificationRoute(app: FastifyInstance, ctx: RouteContext): void {
  const sendPage = (reply: FastifyReply, status: number, html: (nonce: string) => string) => {
    const nonce = randomBytes(16).toString('base64');
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`,
      )
      .header('referrer-policy', 'no-referrer')
      .send(html(nonce));
  };
  app.get<{ Params: { number: string }; Querystring: { k?: unknown } }>(
    PERMIT_VERIFY_PATH,
    {
      schema: {
        summary: 'Public verification of a permit (HTML)',
        params: z.object({ number: z.string() }),
        querystring: z.object({ k: z.string().optional() }),
      },
      config: {
        audit: {
          action: 'permit.verify',
          entity: 'permit',
          public: true,
          subject: (req) => String((req.params as { number?: unknown }).number ?? '').slice(0, 40),
        },
        rateLimit: PERMIT_VERIFY_LIMIT,
      },
      // a person at a browser: the refusal as a page, in Italian, before any database work
      errorHandler: (err, req, reply) => {
        if (!(err instanceof AppError) || err.code !== 'verification_rate_limited')
          return sendError(req, reply, err);
        const message = err.toData('it').message;
        return sendPage(reply, 429, (n) => renderPermitRateLimitedPage(message, n));
      },
    },
    async (req, reply) => {
      const number = permitNumberSchema.safeParse(req.params.number.trim().toUpperCase());
      const key = permitKeySchema.safeParse(
        typeof req.query.k === 'string' ? req.query.k.trim().toUpperCase() : '',
      );
      const permit = number.success && key.success ? await findPermitByNumber(ctx.db, number.data) : null;
      if (!permit || !key.success || !sameKey(permit.verificationKey, key.data)) {
        return sendPage(reply, number.success ? 404 : 400, (n) =>
          renderPermitNotFoundPage(req.params.number, n),
        );
      }
      const comune = await ctx.db
        .selectFrom('comuni')
        .select('name')
        .where('belfiore', '=', permit.comune)
        .executeTakeFirst();
      const view = permitVerificationView(permit, romeDateTimeOf(ctx.now()));
      return sendPage(reply, 200, (n) => renderPermitPage(view, comune?.name ?? permit.comune, n));
    },
  );
}
