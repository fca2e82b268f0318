import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ENROL_PATH, LOGIN_PATH, LOGOUT_PATH, enrolRequestSchema } from '../../shared/sync/registry-page';
import { endClerkSession } from '../auth/clerk-credentials';
import { enrolWithCode } from '../admin/workstations';
import { withEnrolmentLockout } from '../auth/enrolment-attempts';
import { loginClerk } from '../auth/login-service';
import { limited } from '../ops/rate-limits';
import { clerkHeader, parse, type RouteContext } from './route-context';

const loginBody = z
  .object({
    // no `@`: usernames never have one, and the enrolment lockout's keys do (enrolment-attempts.ts)
    username: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[^@]*$/),
    password: z.string().min(1).max(256),
  })
  .strict();

export function authRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post(
    LOGIN_PATH,
    {
      schema: { summary: "A clerk's login at this workstation", body: loginBody },
      config: { rateLimit: limited('login') },
    },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      const body = parse(loginBody, req.body);
      return loginClerk(ctx.db, ws, body.username, body.password, {
        now: ctx.now(),
        offlineGraceHours: ctx.offlineGraceHours,
        passwordCost: ctx.passwordCost,
      });
    },
  );

  // Logout at the desk ends the session here too; an unknown or ended one is already what we want.
  app.post(LOGOUT_PATH, { schema: { summary: "Ends the clerk's hub session" } }, async (req) => {
    const ws = await ctx.workstationOf(req);
    await endClerkSession(ctx.db, clerkHeader(req), ws, ctx.now());
    return { ok: true };
  });

  app.post(
    ENROL_PATH,
    {
      schema: { summary: 'Enrols a workstation with a one-time code', body: enrolRequestSchema },
      config: { rateLimit: limited('enrol') },
    },
    async (req) => {
      const body = parse(enrolRequestSchema, req.body);
      const now = ctx.now();
      return withEnrolmentLockout(ctx.db, req.ip, now, () => enrolWithCode(ctx.db, body.code, now));
    },
  );
}
