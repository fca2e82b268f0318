import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../shared/admin/admin-rules';
import {
  ADMIN_ENROLMENT_CODES_PATH,
  ADMIN_USER_PASSWORD_PATH,
  ADMIN_USER_PATH,
  ADMIN_USER_STATUS_PATH,
  ADMIN_USERS_PATH,
  ADMIN_WORKSTATION_REVOKE_PATH,
  ADMIN_WORKSTATIONS_PATH,
  enrolmentCodeRequestSchema,
  newUserSchema,
  STAFF_NAMES_PATH,
  updateUserSchema,
  usernameParamSchema,
  userStatusSchema,
  workstationParamSchema,
  type AdminUsersView,
  type CreatedUserView,
} from '../../shared/admin/admin-wire';
import { requireAllowed, type Action } from '../../shared/auth/policy';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';
import { createUser } from './create-user';
import {
  chooseInitialPassword,
  listUsers,
  resetPassword,
  setUserDisabled,
  staffNames,
  updateUser,
  USER_OFFICES,
  userView,
} from './user-accounts';
import { issueEnrolmentCode, listWorkstations, revokeComuneWorkstation } from './workstation-accounts';

const username = (req: FastifyRequest) => parse(usernameParamSchema, req.params).username;

/**
 * The admin screens' routes: the hub functions of `npm run hub -- create-user|disable-user|
 * workstation enrol|revoke`, for the admin's own comune (the workstation's), with the admin's
 * interactive session; every call is refused to other roles (403) and every change is audited
 * with the admin's name from the session.
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  const admin = async (req: FastifyRequest, action: Action) => {
    const ws = await ctx.workstationOf(req);
    const clerk = await clerkOf(req, ws);
    requireAllowed(clerk.role, action);
    return { ws, clerk };
  };
  const audit = (action: string, entity: string, subject?: (req: FastifyRequest) => string) => ({
    audit: { action, entity, ...(subject ? { subject } : {}) },
  });
  const bodyUsername = (req: FastifyRequest) =>
    String((req.body as { username?: unknown } | undefined)?.username ?? '').slice(0, 64);
  const paramUsername = (req: FastifyRequest) =>
    String((req.params as { username?: unknown }).username ?? '');
  const paramId = (req: FastifyRequest) => String((req.params as { id?: unknown }).id ?? '');

  app.get(
    ADMIN_USERS_PATH,
    { schema: { summary: "The comune's user accounts (admins)" }, config: audit('admin.users.list', 'user') },
    async (req): Promise<AdminUsersView> => {
      const { ws } = await admin(req, 'admin.users');
      return {
        users: await listUsers(ctx.db, ws.comune, ctx.now()),
        roles: [...ROLES],
        offices: [...USER_OFFICES],
      };
    },
  );

  app.post(
    ADMIN_USERS_PATH,
    {
      schema: { summary: 'Creates a user account of the comune (admins)', body: newUserSchema },
      config: audit('admin.users.create', 'user', bodyUsername),
    },
    async (req): Promise<CreatedUserView> => {
      const { ws } = await admin(req, 'admin.users');
      const body = parse(newUserSchema, req.body);
      const initial = chooseInitialPassword(body.password, body.username.trim().toLowerCase());
      const made = await createUser(
        ctx.db,
        { ...body, comune: ws.comune, password: initial.password, mustChangePassword: initial.made },
        ctx.passwordCost,
      );
      return {
        user: await userView(ctx.db, ws.comune, made.username, ctx.now()),
        password: initial.made ? initial.password : null,
      };
    },
  );

  app.put(
    ADMIN_USER_PATH,
    {
      schema: {
        summary: 'Changes the name, role and offices of an account (admins)',
        params: usernameParamSchema,
        body: updateUserSchema,
      },
      config: audit('admin.users.update', 'user', paramUsername),
    },
    async (req) => {
      const { ws } = await admin(req, 'admin.users');
      return updateUser(ctx.db, ws.comune, username(req), parse(updateUserSchema, req.body), ctx.now());
    },
  );

  app.post(
    ADMIN_USER_STATUS_PATH,
    {
      schema: {
        summary: 'Disables or enables an account (admins)',
        params: usernameParamSchema,
        body: userStatusSchema,
      },
      config: audit('admin.users.status', 'user', paramUsername),
    },
    async (req) => {
      const { ws } = await admin(req, 'admin.users');
      const { disabled } = parse(userStatusSchema, req.body);
      return setUserDisabled(ctx.db, ws.comune, username(req), disabled, ctx.now());
    },
  );

  app.post(
    ADMIN_USER_PASSWORD_PATH,
    {
      schema: {
        summary: 'Gives an account a new one-time password (admins)',
        params: usernameParamSchema,
        body: z.object({}).strict(),
      },
      config: audit('admin.users.resetPassword', 'user', paramUsername),
    },
    async (req) => {
      const { ws } = await admin(req, 'admin.users');
      return resetPassword(ctx.db, ws.comune, username(req), ctx.now(), ctx.passwordCost);
    },
  );

  app.get(
    ADMIN_WORKSTATIONS_PATH,
    {
      schema: { summary: "The comune's workstations and pending enrolment codes (admins)" },
      config: audit('admin.workstations.list', 'workstation'),
    },
    async (req) => {
      const { ws } = await admin(req, 'admin.workstations');
      return listWorkstations(ctx.db, ws.comune);
    },
  );

  app.post(
    ADMIN_ENROLMENT_CODES_PATH,
    {
      schema: { summary: 'Makes a one-time enrolment code (admins)', body: enrolmentCodeRequestSchema },
      config: audit('admin.workstations.enrolmentCode', 'workstation', (req) =>
        String((req.body as { name?: unknown } | undefined)?.name ?? '').slice(0, 80),
      ),
    },
    async (req) => {
      const { ws } = await admin(req, 'admin.workstations');
      return issueEnrolmentCode(ctx.db, ws.comune, parse(enrolmentCodeRequestSchema, req.body), ctx.now());
    },
  );

  app.post(
    ADMIN_WORKSTATION_REVOKE_PATH,
    {
      schema: {
        summary: 'Revokes a workstation (admins)',
        params: workstationParamSchema,
        body: z.object({}).strict(),
      },
      config: audit('admin.workstations.revoke', 'workstation', paramId),
    },
    async (req) => {
      const { ws } = await admin(req, 'admin.workstations');
      const { id } = parse(workstationParamSchema, req.params);
      return revokeComuneWorkstation(ctx.db, ws.comune, id, ws, ctx.now());
    },
  );

  // any clerk of the comune: names for queues, registers and audit views (no other detail)
  app.get(STAFF_NAMES_PATH, { schema: { summary: "Display names of the comune's staff" } }, async (req) => {
    const ws = await ctx.workstationOf(req);
    await clerkOf(req, ws);
    return { names: await staffNames(ctx.db, ws.comune) };
  });
}
