import type { CallName } from '../../shared/contract/call-names';
import type { CallInput, CallOutput } from '../../shared/contract/contract';
import { verifyAuditChain } from './audit/audit-log';
import { createCaseHandlers } from './cases/case-handlers';
import {
  closingReport,
  countCash,
  currentCounterSession,
  listDuplicates,
  openCounterSession,
  pay,
  receipt,
  reopenCash,
  reverse,
  signOff,
} from './cashdesk/cashdesk-service';
import { lookupDebts } from './cashdesk/lookup-service';
import type { DeskContext } from './context';
import {
  certificatePdf,
  issueCertificate,
  listCertificates,
  previewCertificate,
  revokeCertificate,
} from './certificates/certificate-service';
import { issueDeclaration, previewDeclaration } from './certificates/declaration-service';
import { getMeta } from './db/meta-repository';
import { getResident, searchResidents, setCertifiable, updateContacts } from './registry/registry-service';
import { currentSession, login, logout } from './session/session-service';
import { enrol, setupStatus } from './setup/setup-service';
import { listComuneExceptions, listExceptions } from './sync/exceptions-service';
import type { SyncEngine } from './sync/sync-engine';

export type Handlers = { [K in CallName]: (ctx: DeskContext, input: CallInput<K>) => Promise<CallOutput<K>> };

/** One service function per contract call; the compiler refuses a missing or mistyped one. */
export const createHandlers = (engine: SyncEngine): Handlers => ({
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
  'session:logout': (ctx) => logout(ctx),
  'session:current': async (ctx) => currentSession(ctx),
  'registry:search': searchResidents,
  'registry:get': getResident,
  'registry:updateContacts': updateContacts,
  'registry:setCertifiable': setCertifiable,
  'certificates:preview': previewCertificate,
  'certificates:issue': issueCertificate,
  'certificates:pdf': certificatePdf,
  'certificates:list': listCertificates,
  'certificates:revoke': revokeCertificate,
  'declarations:preview': previewDeclaration,
  'declarations:issue': issueDeclaration,
  'sync:status': () => engine.refreshCounts(),
  'sync:refresh': () => engine.syncOnce(),
  'sync:exceptions': listExceptions,
  'sync:comuneExceptions': listComuneExceptions,
  'audit:verify': (ctx) => verifyAuditChain(ctx.db),
  'fines:lookup': lookupDebts,
  'cashdesk:current': (ctx) => currentCounterSession(ctx),
  'cashdesk:open': openCounterSession,
  'cashdesk:pay': pay,
  'cashdesk:receipt': receipt,
  'cashdesk:reverse': reverse,
  'cashdesk:count': countCash,
  'cashdesk:reopen': (ctx) => reopenCash(ctx),
  'cashdesk:signOff': signOff,
  'cashdesk:report': closingReport,
  'cashdesk:duplicates': (ctx) => listDuplicates(ctx),
  ...createCaseHandlers(engine),
});
