import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, requireAllowed } from '../../shared/auth/policy';
import { AppError } from '../../shared/errors/app-error';
import {
  monthQuerySchema,
  recordParamsSchema,
  sadHoursBodySchema,
  SOCIAL_CONTRIBUTO_PATH,
  SOCIAL_SAD_BILLING_PATH,
  SOCIAL_SAD_HOURS_PATH,
  SOCIAL_SAD_PATH,
  SOCIAL_TREASURY_PATH,
  SOCIAL_WAITING_PATH,
} from '../../shared/social/social-paths';
import type { WaitingListEntryView } from '../../shared/social/social-views';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';
import { importSadHours, runSadBilling } from './sad-billing';
import { requireSocialOffice } from './social-access';
import { findContributo, findSad, sadsWith } from './social-repository';
import { treasuryCsv, treasuryPayments } from './treasury';

const idOf = (req: FastifyRequest) => String((req.params as { id?: unknown }).id ?? '').slice(0, 64);

/**
 * The office's routes. Every one needs a clerk's hub session in the social-services office
 * (403 `social_office_only` otherwise: nothing read, nothing written) and is audited — a read of
 * a record names the record (DOMAIN.md §12.1: who, when, which record, which function).
 */
export function registerSocialRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  const office = async (req: FastifyRequest, action: Parameters<typeof requireAllowed>[1]) => {
    const ws = await ctx.workstationOf(req);
    const clerk = await clerkOf(req, ws);
    requireAllowed(clerk.role, action);
    await requireSocialOffice(ctx.db, clerk.username, ws.id);
    return { ws, clerk };
  };

  app.get(
    SOCIAL_CONTRIBUTO_PATH,
    {
      schema: { summary: 'One contributo record (social office)', params: recordParamsSchema },
      config: { audit: { action: 'social.contributo.read', entity: 'social_contributo', subject: idOf } },
    },
    async (req) => {
      const { ws } = await office(req, 'social.contributo');
      const { id } = parse(recordParamsSchema, req.params);
      const c = await findContributo(ctx.db, ws.comune, id);
      if (!c) throw new AppError('social_not_found', { id });
      return c;
    },
  );

  app.get(
    SOCIAL_SAD_PATH,
    {
      schema: { summary: 'One SAD record (social office)', params: recordParamsSchema },
      config: { audit: { action: 'social.sad.read', entity: 'social_sad', subject: idOf } },
    },
    async (req) => {
      const { ws } = await office(req, 'social.sadApply');
      const { id } = parse(recordParamsSchema, req.params);
      const s = await findSad(ctx.db, ws.comune, id);
      if (!s) throw new AppError('social_not_found', { id });
      return s;
    },
  );

  app.get(
    SOCIAL_WAITING_PATH,
    {
      schema: { summary: 'The SAD waiting list in order (supervisors)' },
      config: { audit: { action: 'social.waiting.read', entity: 'social_sad' } },
    },
    async (req): Promise<WaitingListEntryView[]> => {
      // the office first (a supervisor of another office is refused as outside it), then the role
      const { ws, clerk } = await office(req, 'social.sadApply');
      if (!can(clerk.role, 'social.waitingList')) throw new AppError('social_supervisors_only');
      const waiting = await sadsWith(ctx.db, ws.comune, { status: ['waiting'] });
      return waiting
        .flatMap((s) =>
          s.waiting
            ? [
                {
                  sadId: s.id,
                  position: s.waiting.position,
                  beneficiaryName: `${s.beneficiary.surname} ${s.beneficiary.givenNames}`,
                  points: s.waiting.points,
                  since: s.waiting.since,
                  criteria: s.waiting.criteria.map((c) => ({ it: c.it, en: c.en, points: c.points })),
                },
              ]
            : [],
        )
        .sort((a, b) => a.position - b.position);
    },
  );

  app.get(
    SOCIAL_TREASURY_PATH,
    {
      schema: { summary: "The treasury CSV of a month's contributo payments", querystring: monthQuerySchema },
      config: {
        audit: {
          action: 'social.treasury.export',
          entity: 'social_contributo',
          subject: (req) => String((req.query as { month?: unknown }).month ?? '').slice(0, 7),
        },
      },
    },
    async (req, reply) => {
      const { ws } = await office(req, 'social.treasuryExport');
      const { month } = parse(monthQuerySchema, req.query);
      const lines = await treasuryPayments(ctx.db, ws.comune, month, ctx.now());
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="contributi-${ws.comune}-${month}.csv"`)
        .send(treasuryCsv(lines));
    },
  );

  app.post(
    SOCIAL_SAD_HOURS_PATH,
    {
      schema: {
        summary: "Imports the provider's delivered SAD hours (CSV in JSON)",
        body: sadHoursBodySchema,
      },
      config: { audit: { action: 'social.sad.hours', entity: 'social_sad' } },
    },
    async (req) => {
      const { ws } = await office(req, 'social.sadBilling');
      const body = parse(sadHoursBodySchema, req.body);
      return importSadHours(ctx.db, ws.comune, body.month, body.csv, ctx.now());
    },
  );

  app.post(
    SOCIAL_SAD_BILLING_PATH,
    {
      schema: { summary: "Runs the month's SAD billing", body: monthQuerySchema },
      config: { audit: { action: 'social.sad.billing', entity: 'social_sad' } },
    },
    async (req) => {
      const { ws } = await office(req, 'social.sadBilling');
      const { month } = parse(monthQuerySchema, req.body);
      return runSadBilling(ctx.db, ws.comune, month, ctx.now());
    },
  );
}
