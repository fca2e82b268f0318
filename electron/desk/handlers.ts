import type { CallName } from '../../shared/contract/call-names';
import type { CallInput, CallOutput } from '../../shared/contract/contract';
import type { ServicePart } from '../../shared/services/registered';
import { verifyAuditChain } from './audit/audit-log';
import type { DeskContext } from './context';
import { getMeta } from './db/meta-repository';
import { getResident, searchResidents, setCertifiable, updateContacts } from './registry/registry-service';
import { changePassword, currentSession, login, logout } from './session/session-service';
import { enrol, setupStatus } from './setup/setup-service';
import { listComuneExceptions, listExceptions } from './sync/exceptions-service';
import type { SyncEngine } from './sync/sync-engine';
import { serviceHandlers } from './services/merge';

export type Handlers = { [K in CallName]: (ctx: DeskContext, input: CallInput<K>) => Promise<CallOutput<K>> };

type CoreCallName = Exclude<CallName, keyof ServicePart<'calls'>>;
type CoreHandlers = { [K in CoreCallName]: Handlers[K] };

/**
 * One function per contract call: the registry core's here, each service's in its own desk
 * folder (services/registered.ts). The compiler refuses a missing or mistyped one on either side.
 */
export const createHandlers = (engine: SyncEngine): Handlers =>
  ({ ...coreHandlers(engine), ...serviceHandlers(engine) }) as Handlers;

const coreHandlers = (engine: SyncEngine): CoreHandlers => ({
  'app:info': async (ctx) => {
    const belfiore = await getMeta(ctx.db, 'comune.belfiore');
    const name = await getMeta(ctx.db, 'comune.name');
    const credential = ctx.credentials.read();
    return {
      version: ctx.config.version,
      locale: ctx.state.locale,
      workstation: credential?.workstation ?? null,
      comune: belfiore && name ? { belfiore, name } : null,
      hubUrl: credential?.hubUrl ?? null,
      session: currentSession(ctx),
    };
  },
  'app:setLocale': async (ctx, input) => {
    ctx.state.locale = input.locale;
    return { locale: input.locale };
  },
  'setup:status': setupStatus,
  'setup:enrol': enrol,
  'session:login': login,
  'session:changePassword': changePassword,
  'session:logout': (ctx) => logout(ctx),
  'session:current': async (ctx) => currentSession(ctx),
  'registry:search': searchResidents,
  'registry:get': getResident,
  'registry:updateContacts': updateContacts,
  'registry:setCertifiable': setCertifiable,
  'sync:status': () => engine.refreshCounts(),
  'sync:refresh': () => engine.syncOnce(),
  'sync:exceptions': listExceptions,
  'sync:comuneExceptions': listComuneExceptions,
  'audit:verify': (ctx) => verifyAuditChain(ctx.db),
});
