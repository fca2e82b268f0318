import type { CallName } from '../../shared/contract/call-names';
import type { CallInput, CallOutput } from '../../shared/contract/contract';
import { verifyAuditChain } from './audit/audit-log';
import type { DeskContext } from './context';
import { getMeta } from './db/meta-repository';
import { getResident, searchResidents } from './registry/registry-service';
import { currentSession, login, logout } from './session/session-service';
import { refreshSync } from './sync/sync-service';

export type Handlers = { [K in CallName]: (ctx: DeskContext, input: CallInput<K>) => Promise<CallOutput<K>> };

/** One service function per contract call; the compiler refuses a missing or mistyped one. */
export const handlers: Handlers = {
  'app:info': async (ctx) => {
    const belfiore = await getMeta(ctx.db, 'comune.belfiore');
    const name = await getMeta(ctx.db, 'comune.name');
    return {
      version: ctx.config.version,
      locale: ctx.state.locale,
      workstation: ctx.config.workstation,
      comune: belfiore && name ? { belfiore, name } : null,
      hubUrl: ctx.config.hubUrl,
      session: currentSession(ctx),
    };
  },
  'app:setLocale': async (ctx, input) => {
    ctx.state.locale = input.locale;
    return { locale: input.locale };
  },
  'session:login': login,
  'session:logout': (ctx) => logout(ctx),
  'session:current': async (ctx) => currentSession(ctx),
  'registry:search': searchResidents,
  'registry:get': getResident,
  'sync:status': async (ctx) => ctx.state.sync,
  'sync:refresh': (ctx) => refreshSync(ctx),
  'audit:verify': (ctx) => verifyAuditChain(ctx.db),
};
