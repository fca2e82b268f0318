import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAllowed } from '../../shared/auth/policy';
import { categoryOn } from '../../shared/canone/categories';
import {
  activeQuerySchema,
  CANONE_ACTIVE_PATH,
  CANONE_POLICE_PATH,
  CANONE_TARIFFS_PATH,
  CANONE_VERIFY_PATH,
  CANONE_YEARLY_PATH,
  policeQuerySchema,
  tariffsQuerySchema,
  yearlyRunSchema,
} from '../../shared/canone/canone-paths';
import type {
  ActiveStreetView,
  ConcessionVerificationView,
  PoliceRequestView,
} from '../../shared/canone/canone-views';
import {
  concessionKeySchema,
  CONCESSION_NUMBER_PATTERN,
  type CanoneApplicationRecord,
  type ConcessionCheck,
} from '../../shared/canone/canone-wire';
import { compareIsoDates, type IsoDate } from '../../shared/calendar/iso-date';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { AppError } from '../../shared/errors/app-error';
import { sendError } from '../http-errors';
import { limited } from '../ops/rate-limits';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';
import { renderConcessionNotFoundPage, renderConcessionPage, renderRateLimitedPage } from './canone-pages';
import { recordOf, streetOf } from './canone-repository';
import { renderTariffPage, tariffTablesView } from './tariff-view';
import { runYearly, startYearlyJob } from './yearly-run';

/** The most occupations one answer of the list by street carries (Casale has a few hundred). */
const MAX_ACTIVE = 5000;

const holderOf = (r: CanoneApplicationRecord): string => r.applicant.name;
const addressOf = (r: CanoneApplicationRecord): string => `${streetOf(r.site)} ${r.site.civic}`;

/** What the QR's page says of a concession on `today`. */
export function concessionCheck(r: CanoneApplicationRecord, today: IsoDate): ConcessionCheck {
  const c = r.concession;
  if (!c || compareIsoDates(today, c.validFrom) < 0) return c ? 'not_yet_valid' : 'revoked';
  if (r.status === 'ended' || (c.validTo !== null && compareIsoDates(today, c.validTo) > 0)) {
    return r.status === 'revoked' ? 'revoked' : 'ended';
  }
  return 'valid';
}

export function verificationView(
  r: CanoneApplicationRecord,
  today: IsoDate,
): ConcessionVerificationView | null {
  if (!r.concession) return null;
  const category = categoryOn(r.comune, r.category, r.start);
  return {
    number: r.concession.number,
    comune: r.comune,
    check: concessionCheck(r, today),
    categoryLabel: category?.label ?? { it: r.category, en: r.category },
    address: addressOf(r),
    measure: r.measure,
    unit: r.fee.unit,
    validFrom: r.concession.validFrom,
    validTo: r.concession.validTo,
  };
}

/**
 * The canone's routes: the office's list of occupations active on a day, the local police's
 * ordinance requests, the tariff tables, the yearly run on demand, the public QR page; and the
 * 1 January job. Returns the job's stop function.
 */
export function registerCanoneRoutes(app: FastifyInstance, ctx: RouteContext): () => Promise<void> {
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  const allowed = async (req: FastifyRequest, action: Parameters<typeof requireAllowed>[1]) => {
    const ws = await ctx.workstationOf(req);
    const clerk = await clerkOf(req, ws);
    requireAllowed(clerk.role, action);
    return { ws, clerk };
  };

  /**
   * The "map" of issue 14: the occupations in force on a day, grouped by street. A list by
   * street, not a map: no map library (nor map tiles) is available offline to the hub and the
   * counters, and a list reads on any screen and prints.
   */
  app.get(
    CANONE_ACTIVE_PATH,
    {
      schema: { summary: 'Active canone concessions of the comune', querystring: activeQuerySchema },
      config: { audit: { action: 'canone.active', entity: 'canone_application' } },
    },
    async (req) => {
      const { ws } = await allowed(req, 'canone.apply');
      const q = parse(activeQuerySchema, req.query);
      const day = q.day ?? romeDateOf(ctx.now());
      let query = ctx.db
        .selectFrom('canone_applications')
        .select(['id', 'record', 'street'])
        .where('comune', '=', ws.comune)
        .where('status', 'in', ['approved', 'revoked', 'ended'])
        .where('start_date', '<=', day)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]));
      if (q.street) query = query.where('street', '=', q.street);
      const rows = await query
        .orderBy('street')
        .orderBy('civic')
        .limit(MAX_ACTIVE + 1)
        .execute();
      const byStreet = new Map<string, ActiveStreetView>();
      for (const row of rows.slice(0, MAX_ACTIVE)) {
        const r = recordOf(row, []);
        const category = categoryOn(r.comune, r.category, r.start);
        const street = byStreet.get(row.street) ?? {
          street: row.street,
          zone: r.zone,
          occupations: [],
          totalM2: 0,
        };
        street.occupations.push({
          applicationId: r.id,
          concessionNumber: r.concession?.number ?? null,
          status: r.status,
          address: addressOf(r),
          civic: r.site.civic,
          category: r.category,
          categoryLabel: category?.label.it ?? r.category,
          regime: r.regime,
          measure: r.measure,
          unit: r.fee.unit,
          start: r.start,
          end: r.concession?.validTo ?? r.end,
          holder: holderOf(r),
        });
        if (r.fee.unit === 'm2' && !category?.advertising)
          street.totalM2 = Math.round((street.totalM2 + r.measure) * 100) / 100;
        byStreet.set(row.street, street);
      }
      return { day, streets: [...byStreet.values()], truncated: rows.length > MAX_ACTIVE };
    },
  );

  /** The requests for traffic ordinances the approvals made, for the local police. */
  app.get(
    CANONE_POLICE_PATH,
    {
      schema: { summary: 'Occupations for the municipal police', querystring: policeQuerySchema },
      config: { audit: { action: 'canone.police', entity: 'canone_application' } },
    },
    async (req) => {
      const { ws } = await allowed(req, 'canone.apply');
      const q = parse(policeQuerySchema, req.query);
      const rows = await ctx.db
        .selectFrom('canone_police_requests as p')
        .innerJoin('canone_applications as a', 'a.id', 'p.application_id')
        .select(['p.id', 'p.application_id', 'p.requested_on', 'p.status', 'a.record'])
        .where('p.comune', '=', ws.comune)
        .where('p.status', '=', q.status)
        .orderBy('p.requested_on')
        .limit(1000)
        .execute();
      const requests: PoliceRequestView[] = rows.map((row) => {
        const r = recordOf(row, []);
        return {
          id: row.id,
          applicationId: row.application_id,
          concessionNumber: r.concession?.number ?? '',
          address: addressOf(r),
          purpose: r.purpose,
          start: r.start,
          end: r.concession?.validTo ?? r.end,
          requestedOn: row.requested_on,
          status: row.status === 'done' ? 'done' : 'open',
        };
      });
      return { requests };
    },
  );

  app.get(
    CANONE_TARIFFS_PATH,
    { schema: { summary: 'Canone tariff tables', querystring: tariffsQuerySchema } },
    async (req, reply) => {
      const { ws } = await allowed(req, 'canone.yearlyRun');
      const q = parse(tariffsQuerySchema, req.query);
      const view = tariffTablesView(ws.comune, q.day ?? romeDateOf(ctx.now()));
      if (q.format === 'json') return view;
      const comune = await ctx.db
        .selectFrom('comuni')
        .select('name')
        .where('belfiore', '=', ws.comune)
        .executeTakeFirst();
      return sendPage(reply, 200, (n) => renderTariffPage(view, comune?.name ?? ws.comune, n));
    },
  );

  app.post(
    CANONE_YEARLY_PATH,
    { schema: { summary: 'The yearly canone run', body: yearlyRunSchema } },
    async (req) => {
      const { ws } = await allowed(req, 'canone.yearlyRun');
      const body = parse(yearlyRunSchema, req.body);
      const report = await runYearly(ctx.db, ws.comune, body.year, ctx.now());
      if (report.issued > 0) ctx.notifier.notify(ws.comune);
      return report;
    },
  );

  verificationRoute(app, ctx);
  return startYearlyJob({ db: ctx.db, now: ctx.now, onChanged: (comune) => ctx.notifier.notify(comune) });
}

function sendPage(reply: FastifyReply, status: number, html: (nonce: string) => string) {
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
}

/** Counted per address apart from certificates' (@fastify/rate-limit, hub/ops/rate-limits.ts). */
const CANONE_VERIFY_LIMIT = limited('verify', {
  groupId: 'canone-verify',
  error: (seconds) => new AppError('verification_rate_limited', { seconds }),
});

const sameKey = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * `GET /verify/canone/:number?k=<key>`: public, rate-limited per address like certificates' and
 * permits'; the random key printed in the QR code must match, so numbers cannot be walked.
 */
function verificationRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { number: string }; Querystring: { k?: unknown } }>(
    CANONE_VERIFY_PATH,
    {
      schema: {
        summary: 'Public verification of a concession (HTML)',
        params: z.object({ number: z.string() }),
        querystring: z.object({ k: concessionKeySchema.optional() }),
      },
      config: {
        audit: {
          action: 'canone.verify',
          entity: 'canone_application',
          public: true,
          subject: (req) => String((req.params as { number?: unknown }).number ?? '').slice(0, 40),
        },
        rateLimit: CANONE_VERIFY_LIMIT,
      },
      // a person at a browser: the refusal as a page, in Italian, before any database work
      errorHandler: (err, req, reply) => {
        if (!(err instanceof AppError) || err.code !== 'verification_rate_limited')
          return sendError(req, reply, err);
        const message = err.toData('it').message;
        return sendPage(reply, 429, (n) => renderRateLimitedPage(message, n));
      },
    },
    async (req, reply) => {
      const number = req.params.number.trim().toUpperCase();
      const wellFormed = CONCESSION_NUMBER_PATTERN.test(number);
      const key = concessionKeySchema.safeParse(
        typeof req.query.k === 'string' ? req.query.k.trim().toUpperCase() : '',
      );
      // the number names its comune: CUS-B885-2026-000001
      const row =
        wellFormed && key.success
          ? await ctx.db
              .selectFrom('canone_applications')
              .select(['record', 'verification_key'])
              .where('comune', '=', number.slice(4, 8))
              .where('concession_number', '=', number)
              .executeTakeFirst()
          : undefined;
      if (!row || !key.success || !row.verification_key || !sameKey(row.verification_key, key.data)) {
        return sendPage(reply, wellFormed ? 404 : 400, (n) =>
          renderConcessionNotFoundPage(req.params.number, n),
        );
      }
      const record = recordOf(row, []);
      const view = verificationView(record, romeDateOf(ctx.now()));
      if (!view) return sendPage(reply, 404, (n) => renderConcessionNotFoundPage(req.params.number, n));
      const comune = await ctx.db
        .selectFrom('comuni')
        .select('name')
        .where('belfiore', '=', record.comune)
        .executeTakeFirst();
      return sendPage(reply, 200, (n) => renderConcessionPage(view, comune?.name ?? record.comune, n));
    },
  );
}
