import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import {
  ENROL_PATH,
  LOGIN_PATH,
  LOGOUT_PATH,
  PASSWORD_PATH,
  enrolRequestSchema,
  passwordChangeSchema,
} from '../../shared/sync/registry-page';
import { noteActor, noteAuditSubject } from '../audit/audit-hook';
import { endClerkSession, findClerkCredential } from '../auth/clerk-credentials';
import { changeOwnPassword } from '../auth/password-change';
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

  // The one call a session opened with a one-time password may make (findClerkCredential).
  app.post(
    PASSWORD_PATH,
    {
      schema: { summary: 'The clerk of this session chooses a new password', body: passwordChangeSchema },
      config: { rateLimit: limited('login'), audit: { action: 'auth.changePassword', entity: 'user' } },
    },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      const now = ctx.now();
      const clerk = await findClerkCredential(ctx.db, clerkHeader(req), ws, now, ['session'], true);
      if (clerk.disabled) throw new AppError('account_disabled');
      noteActor(req, { clerk: clerk.username });
      noteAuditSubject(req, clerk.username);
      const body = parse(passwordChangeSchema, req.body);
      await changeOwnPassword(ctx.db, clerk, body.password, body.newPassword, now, ctx.passwordCost);
      return { ok: true as const };
    },
  );

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
