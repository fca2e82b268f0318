import { z } from 'zod';
import { rule, STAFF, SUPERVISORS, TILL } from '../auth/rule';
import { spec } from '../contract/call-spec';
import {
  countInput,
  debtLookupInput,
  openSessionInput,
  payInput,
  payManyInput,
  receiptInput,
  reverseInput,
  signOffInput,
} from '../contract/cashdesk-inputs';
import type {
  BasketDone,
  CounterSessionView,
  DebtLookup,
  PaymentDone,
  PaymentView,
} from '../contract/cashdesk-views';
import { CASHDESK_UI } from '../i18n/cashdesk-messages';
import { AVVISO_ERROR_MESSAGES } from '../pagopa/avviso/avviso-errors';
import { BASKET_ERROR_MESSAGES } from './basket-errors';
import type { AvvisoJson } from '../pagopa/avviso/avviso-wire';
import { defineService } from '../services/service-definition';
import { CASHDESK_MUTATIONS } from './wire';

const none = z.object({}).strict();

/** Fines, pagoPA notices and the till that collects them (DOMAIN.md §4, §6). */
export const cashdeskService = defineService({
  id: 'cashdesk',
  calls: {
    'fines:lookup': spec<DebtLookup>()(debtLookupInput, 'clerk'),
    'cashdesk:current': spec<CounterSessionView | null>()(none, 'clerk'),
    'cashdesk:open': spec<CounterSessionView>()(openSessionInput, 'clerk'),
    'cashdesk:pay': spec<PaymentDone>()(payInput, 'clerk'),
    'cashdesk:payMany': spec<BasketDone>()(payManyInput, 'clerk'),
    'cashdesk:receipt': spec<PaymentDone>()(receiptInput, 'clerk'),
    'cashdesk:reverse': spec<CounterSessionView>()(reverseInput, 'clerk'),
    'cashdesk:count': spec<CounterSessionView>()(countInput, 'clerk'),
    'cashdesk:reopen': spec<CounterSessionView>()(none, 'clerk'),
    'cashdesk:signOff': spec<CounterSessionView>()(signOffInput, 'clerk'),
    'cashdesk:report': spec<{ sessionId: string; pdfBase64: string }>()(
      z.object({ sessionId: z.string().uuid() }).strict(),
      'clerk',
    ),
    'cashdesk:duplicates': spec<PaymentView[]>()(none, 'clerk'),
    // the pagoPA avviso of a notice, printed by the hub from its own position (online only)
    'cashdesk:avviso': spec<AvvisoJson>()(
      z.object({ noticeNumber: z.string().min(1).max(40) }).strict(),
      'clerk',
    ),
  },
  mutations: CASHDESK_MUTATIONS,
  rules: {
    'cashdesk.openSession': rule(TILL, 'apertura della cassa', 'opening the till'),
    'cashdesk.recordPayment': rule(TILL, 'incasso', 'taking a payment'),
    'cashdesk.recordBasket': rule(TILL, 'incasso di più pendenze', 'taking one payment for several debts'),
    // A reversal and a closing are authored by the supervisor who approves them at the counter.
    'cashdesk.recordReversal': rule(
      SUPERVISORS,
      'approvazione di rimborso o rettifica',
      'approving a refund',
    ),
    'cashdesk.closeSession': rule(SUPERVISORS, 'visto sulla chiusura di cassa', 'signing off a till closing'),
    // printing a notice reads the debtor's name and address: staff only; a whole run, the office
    'notices.print': rule(STAFF, 'stampa di un avviso di pagamento', 'printing a payment notice'),
    'notices.printBulk': rule(SUPERVISORS, 'stampa massiva degli avvisi', 'printing notices in bulk'),
  },
  entities: ['verbale', 'debt_position', 'payment', 'counter_session'],
  backfilled: ['verbale', 'debt_position', 'payment'],
  errors: { ...AVVISO_ERROR_MESSAGES, ...BASKET_ERROR_MESSAGES },
  ui: CASHDESK_UI,
});
