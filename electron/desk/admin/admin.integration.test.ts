import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_USERS_PATH } from '../../../shared/admin/admin-wire';
import type {
  AdminUsersView,
  AdminWorkstationsView,
  CreatedUserView,
  EnrolmentCodeView,
  PasswordResetView,
  StaffNamesView,
} from '../../../shared/admin/admin-wire';
import { PROTOCOL_VERSION } from '../../../shared/sync/registry-page';
import { enrolWithCode } from '../../../hub/admin/workstations';
import { DEMO_PASSWORD } from '../../../hub/seed/demo-users';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';

/** The admin screens' calls: the desk core through the hub's admin routes, on both backends. */
describe.each(HUB_BACKENDS)('admin screens (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  const refusal = async (name: string, input: unknown) => {
    const r = await desk.call(name, input);
    return r.ok ? 'ok' : r.error.code;
  };

  const verifierOf = (d: TestDesk, username: string) =>
    d.core.ctx.db
      .selectFrom('clerk_verifiers')
      .select('username')
      .where('username', '=', username)
      .executeTakeFirst();

  it('creates an account with a one-time password that only lets the new person choose theirs, and audits it by the admin’s name', async () => {
    await desk.login('admin.casale');
    const made = await desk.ok<CreatedUserView>('admin:createUser', {
      username: 'Ufficio.Tributi',
      displayName: 'Giulia Ferraris',
      role: 'supervisor',
      offices: [],
    });
    expect(made.user).toEqual({
      username: 'ufficio.tributi',
      displayName: 'Giulia Ferraris',
      role: 'supervisor',
      offices: [],
      disabled: false,
      locked: false,
    });
    expect(made.password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    const list = await desk.ok<AdminUsersView>('admin:users', {});
    expect(list.users.map((u) => u.username)).toContain('ufficio.tributi');
    expect(list.roles).toEqual(['clerk', 'supervisor', 'admin']);

    await desk.ok('session:logout', {});
    const first = await desk.call('session:login', { username: 'ufficio.tributi', password: made.password });
    expect(first).toMatchObject({
      ok: false,
      error: { code: 'password_change_required', message: expect.stringContaining('provvisoria') },
    });
    expect(desk.core.ctx.state.session).toBeNull();
    // the one-time password is never cached for an offline login here
    expect(await verifierOf(desk, 'ufficio.tributi')).toBeUndefined();
    const change = { username: 'ufficio.tributi', password: made.password ?? '' };
    expect(await refusal('session:changePassword', { ...change, newPassword: 'ufficio.tributi-2026' })).toBe(
      'password_weak',
    );
    expect(desk.core.ctx.state.session).toBeNull();
    await desk.ok('session:changePassword', { ...change, newPassword: 'Piazza-Mazzini-2026' });
    expect(await verifierOf(desk, 'ufficio.tributi')).toBeDefined();
    expect(desk.core.ctx.state.session?.info.clerk).toMatchObject({
      displayName: 'Giulia Ferraris',
      role: 'supervisor',
    });

    const audit = await hub.hubDb.db
      .selectFrom('hub_audit')
      .select(['clerk', 'action', 'entity_id'])
      .where('action', '=', 'admin.users.create')
      .execute();
    expect(audit).toEqual([
      { clerk: 'admin.casale', action: 'admin.users.create', entity_id: 'Ufficio.Tributi' },
    ]);
  });

  it('refuses a duplicate username, a weak password, an unknown role or office, and changes nothing', async () => {
    await desk.login('admin.casale');
    const base = { displayName: 'Mario Operatore', role: 'clerk', offices: [] };
    expect(await refusal('admin:createUser', { ...base, username: 'anagrafe.casale' })).toBe(
      'username_taken',
    );
    expect(await refusal('admin:createUser', { ...base, username: 'nuovo.op', password: 'corta' })).toBe(
      'password_too_short',
    );
    expect(
      await refusal('admin:createUser', { ...base, username: 'nuovo.op', password: 'nuovo.op-12345678' }),
    ).toBe('password_weak');
    expect(await refusal('admin:createUser', { ...base, username: 'nuovo.op', role: 'sindaco' })).toBe(
      'role_unknown',
    );
    expect(
      await refusal('admin:createUser', { ...base, username: 'nuovo.op', offices: ['ufficio_inesistente'] }),
    ).toBe('office_unknown');
    const r = await desk.call('admin:createUser', { ...base, username: 'nuovo.op', role: 'sindaco' });
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Ruolo sindaco sconosciuto') },
    });
    const users = await desk.ok<AdminUsersView>('admin:users', {});
    expect(users.users.map((u) => u.username)).not.toContain('nuovo.op');
  });

  it('keeps the comune’s last administrator, changes role and offices, disables and resets a password', async () => {
    await desk.login('admin.casale');
    expect(await refusal('admin:setDisabled', { username: 'admin.casale', disabled: true })).toBe(
      'last_admin',
    );
    expect(
      await refusal('admin:updateUser', {
        username: 'admin.casale',
        displayName: 'Paolo Cerutti',
        role: 'clerk',
        offices: [],
      }),
    ).toBe('last_admin');

    const moved = await desk.ok('admin:updateUser', {
      username: 'anagrafe2.casale',
      displayName: 'Anna Bianchi',
      role: 'supervisor',
      offices: ['servizi_sociali'],
    });
    expect(moved).toMatchObject({
      role: 'supervisor',
      offices: ['servizi_sociali'],
      displayName: 'Anna Bianchi',
    });

    const off = await desk.ok('admin:setDisabled', { username: 'anagrafe2.casale', disabled: true });
    expect(off).toMatchObject({ disabled: true });
    const other = await startTestDesk(hub);
    try {
      const refused = await other.call('session:login', {
        username: 'anagrafe2.casale',
        password: DEMO_PASSWORD,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
      await desk.ok('admin:setDisabled', { username: 'anagrafe2.casale', disabled: false });
      await other.ok('session:login', { username: 'anagrafe2.casale', password: DEMO_PASSWORD });
      await other.ok('session:logout', {});
      expect(await verifierOf(other, 'anagrafe2.casale')).toBeDefined();
      await other.core.sync.syncOnce(); // its mirror is made: what follows comes as changes

      const reset = await desk.ok<PasswordResetView>('admin:resetPassword', { username: 'anagrafe2.casale' });
      // the reset reaches the other counter: the old password no longer opens it offline either
      await other.core.sync.syncOnce();
      expect(await verifierOf(other, 'anagrafe2.casale')).toBeUndefined();
      const old = await other.call('session:login', {
        username: 'anagrafe2.casale',
        password: DEMO_PASSWORD,
      });
      expect(old).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
      const once = { username: 'anagrafe2.casale', password: reset.password };
      expect(await other.call('session:login', once)).toMatchObject({
        ok: false,
        error: { code: 'password_change_required' },
      });
      await other.ok('session:changePassword', { ...once, newPassword: 'Via-Lanza-quarantadue' });
      expect(other.core.ctx.state.session?.info.clerk.username).toBe('anagrafe2.casale');
    } finally {
      await other.close();
    }
    // another comune's people are out of reach
    expect(await refusal('admin:resetPassword', { username: 'anagrafe.balzola' })).toBe(
      'admin_user_not_found',
    );
  });

  it('makes a one-time enrolment code with its office and ring, lists the workstation, and revokes it', async () => {
    await desk.login('admin.casale');
    const before = await desk.ok<AdminWorkstationsView>('admin:workstations', {});
    expect(before.workstations.map((w) => w.name)).toEqual(['Casale - Anagrafe 1']);
    const ring = before.rings[0] ?? null;
    const code = await desk.ok<EnrolmentCodeView>('admin:enrolmentCode', {
      name: 'Casale - Sociale 1',
      offices: ['servizi_sociali'],
      ring,
    });
    expect(code.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const pending = await desk.ok<AdminWorkstationsView>('admin:workstations', {});
    expect(pending.pendingCodes).toEqual([{ name: 'Casale - Sociale 1', expiresAt: code.expiresAt }]);

    const enrolled = await enrolWithCode(hub.hubDb.db, code.code);
    expect(await refusal('admin:enrolmentCode', { name: 'X', offices: [], ring: 'anello-finto' })).toBe(
      'update_ring_unknown',
    );
    const after = await desk.ok<AdminWorkstationsView>('admin:workstations', {});
    const sociale = after.workstations.find((w) => w.id === enrolled.workstation.id);
    expect(sociale).toMatchObject({
      offices: ['servizi_sociali'],
      series: 'P2',
      version: null,
      revokedAt: null,
    });
    expect(after.pendingCodes).toEqual([]);

    await desk.ok('admin:revokeWorkstation', { id: enrolled.workstation.id });
    const revoked = await desk.ok<AdminWorkstationsView>('admin:workstations', {});
    expect(revoked.workstations.find((w) => w.id === enrolled.workstation.id)?.revokedAt).not.toBeNull();
    const own = revoked.workstations.find((w) => w.name === 'Casale - Anagrafe 1');
    expect(await refusal('admin:revokeWorkstation', { id: own?.id })).toBe('workstation_revoke_self');
  });

  it('hides nothing behind the desk: a clerk is refused at the desk and again at the hub (403)', async () => {
    await desk.login('anagrafe.casale');
    expect(await refusal('admin:users', {})).toBe('action_not_allowed');
    expect(await refusal('admin:enrolmentCode', { name: 'X', offices: [], ring: null })).toBe(
      'action_not_allowed',
    );
    // a modified desk that skips its own check meets the hub's
    const res = await fetch(hub.url + ADMIN_USERS_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sportello-protocol': String(PROTOCOL_VERSION),
        authorization: `Bearer ${hub.casaleToken}`,
        'x-sportello-clerk': desk.token(),
      },
      body: JSON.stringify({ username: 'intruso', displayName: 'Intruso', role: 'admin', offices: [] }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('action_not_allowed');
    const intruder = await hub.hubDb.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'intruso')
      .executeTakeFirst();
    expect(intruder).toBeUndefined();

    // names, for every clerk: the comune's staff, and kept for offline
    const names = await desk.ok<StaffNamesView>('admin:staffNames', {});
    expect(names.names['admin.casale']).toBe('Paolo Cerutti');
    expect(names.names['anagrafe.balzola']).toBeUndefined();
    await hub.stop();
    const offline = await desk.ok<StaffNamesView>('admin:staffNames', {});
    expect(offline.names['supervisore.casale']).toBe('Elena Gatti');
    await hub.start();
  });
});
