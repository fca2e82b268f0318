import { cashdeskService } from '../../../shared/cashdesk/service';
import { defineDeskService } from '../services/desk-service';
import { CASHDESK_CHANGE_HANDLERS } from './cashdesk-changes';
import { CASHDESK_LOCAL_EFFECTS } from './cashdesk-effects';
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
} from './cashdesk-service';
import { lookupDebts } from './lookup-service';
import { printAvviso } from './avviso-service';
import { payMany } from './basket-service';

/** Fines, notices and the till (tables in the core's cash-desk migration). */
export const cashdeskDesk = defineDeskService({
  shared: cashdeskService,
  handlers: () => ({
    'fines:lookup': lookupDebts,
    'cashdesk:current': (ctx) => currentCounterSession(ctx),
    'cashdesk:open': openCounterSession,
    'cashdesk:pay': pay,
    'cashdesk:payMany': payMany,
    'cashdesk:receipt': receipt,
    'cashdesk:reverse': reverse,
    'cashdesk:count': countCash,
    'cashdesk:reopen': (ctx) => reopenCash(ctx),
    'cashdesk:signOff': signOff,
    'cashdesk:report': closingReport,
    'cashdesk:duplicates': (ctx) => listDuplicates(ctx),
    'cashdesk:avviso': printAvviso,
  }),
  effects: CASHDESK_LOCAL_EFFECTS,
  changes: CASHDESK_CHANGE_HANDLERS,
  migrations: {},
  personalTables: ['verbali', 'debt_positions', 'reversals', 'payments', 'counter_sessions'],
});
