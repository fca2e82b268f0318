import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAllowed } from '../../shared/auth/policy';
import { AppError } from '../../shared/errors/app-error';
import {
  billingRunSchema,
  payerParamSchema,
  SCHOOL_ACCOUNT_PATH,
  SCHOOL_ATTENDANCE_PATH,
  SCHOOL_BILLING_PATH,
  schoolCodeParamSchema,
} from '../../shared/school/school-paths';
import { schoolsOf } from '../../shared/school/school-catalogue';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';
import { importAttendance } from './attendance-import';
import { runBilling, startBillingJob } from './billing-run';
import { accountOf } from './school-repository';

/** A school's month of meals is a few hundred kilobytes; 8 MB is a year of a large plesso. */
const ATTENDANCE_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * The school services' routes: the canteen operator's attendance file, the billing run on
 * demand, a payer's account; and the job on the 1st of each month. Returns the job's stop.
 */
export function registerSchoolRoutes(app: FastifyInstance, ctx: RouteContext): () => Promise<void> {
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  const allowed = async (req: FastifyRequest, action: Parameters<typeof requireAllowed>[1]) => {
    const ws = await ctx.workstationOf(req);
    const clerk = await clerkOf(req, ws);
    requireAllowed(clerk.role, action);
    return { ws, clerk };
  };

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: ATTENDANCE_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    scope.post<{ Params: { school: string } }>(
      SCHOOL_ATTENDANCE_PATH,
      {
        schema: {
          summary: "A school canteen's attendance file (CSV)",
          params: z.object({ school: schoolCodeParamSchema }),
        },
        bodyLimit: ATTENDANCE_BODY_LIMIT,
        config: { audit: { action: 'school.attendanceImport', entity: 'school_enrolment' } },
      },
      async (req) => {
        const { ws } = await allowed(req, 'school.attendanceImport');
        const school = parse(schoolCodeParamSchema, req.params.school);
        if (!schoolsOf(ws.comune).some((s) => s.code === school && s.services.includes('mensa'))) {
          throw new AppError('school_unknown_school', { code: school });
        }
        const text = parse(z.string().min(1), req.body);
        return importAttendance(ctx.db, ws.comune, school, text, ctx.now().toISOString());
      },
    );
  });

  app.post(
    SCHOOL_BILLING_PATH,
    { schema: { summary: 'The monthly school billing run', body: billingRunSchema } },
    async (req) => {
      const { ws } = await allowed(req, 'school.billingRun');
      const body = parse(billingRunSchema, req.body);
      const report = await runBilling(ctx.db, ws.comune, body.month, ctx.now());
      if (report.payers > 0) ctx.notifier.notify(ws.comune);
      return report;
    },
  );

  app.get<{ Params: { payer: string } }>(
    SCHOOL_ACCOUNT_PATH,
    {
      schema: { summary: "A payer's school account", params: z.object({ payer: payerParamSchema }) },
      config: { audit: { action: 'school.account', entity: 'school_account' } },
    },
    async (req) => {
      const { ws } = await allowed(req, 'school.enrol');
      const payer = parse(payerParamSchema, req.params.payer.toUpperCase());
      const account = await accountOf(ctx.db, ws.comune, payer);
      if (!account) throw new AppError('school_payer_unknown', { codiceFiscale: payer });
      return account;
    },
  );

  return startBillingJob({ db: ctx.db, now: ctx.now, onChanged: (c) => ctx.notifier.notify(c) });
}
