import { rule, STAFF, SUPERVISORS } from '../auth/rule';
import { caseContract } from '../contract/case-contract';
import { defineService } from '../services/service-definition';
import { CASE_ERROR_MESSAGES } from './case-error-messages';
import { CASE_MUTATIONS } from './case-mutations';
import { CASE_UI_MESSAGES } from './case-ui-messages';

/**
 * The case engine: pratiche with their legal terms, the supervisors' queue, the protocol
 * register, the burden meter; change of residence is its first procedure (DOMAIN.md §3, §8, §9).
 */
export const casesService = defineService({
  id: 'cases',
  calls: caseContract,
  mutations: CASE_MUTATIONS,
  rules: {
    'cases.open': rule(STAFF, 'apertura pratica', 'opening a case'),
    'cases.transition': rule(STAFF, 'passaggio di stato della pratica', 'moving a case on'),
    'cases.assign': rule(SUPERVISORS, 'assegnazione pratiche', 'assigning cases'),
    'cases.note': rule(STAFF, 'nota sulla pratica', 'a note on a case'),
    'cases.attach': rule(STAFF, 'allegato alla pratica', 'attaching to a case'),
    'cases.policeCheck': rule(STAFF, 'esito dell’accertamento', 'recording the police check'),
    'cases.visit': rule(STAFF, 'accesso allo sportello', 'recording a visit'),
    'burden.setBaseline': rule(
      SUPERVISORS,
      'valori di riferimento del misuratore degli oneri',
      'the burden meter’s baseline',
    ),
    'protocol.cancel': rule(
      SUPERVISORS,
      'annullamento di una registrazione di protocollo',
      'cancelling a protocol entry',
    ),
    'protocol.correct': rule(
      SUPERVISORS,
      'correzione di una registrazione di protocollo',
      'correcting a protocol entry',
    ),
  },
  entities: ['case'],
  backfilled: ['case'],
  errors: CASE_ERROR_MESSAGES,
  ui: CASE_UI_MESSAGES,
});
