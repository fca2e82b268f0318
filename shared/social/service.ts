import { rule, STAFF, SUPERVISORS } from '../auth/rule';
import { defineService } from '../services/service-definition';
import { SOCIAL_OFFICE } from './social-access';
import { SOCIAL_CALLS } from './social-calls';
import { SOCIAL_ERROR_MESSAGES } from './social-errors';
import { SOCIAL_UI } from './social-ui';
import { SOCIAL_MUTATIONS } from './social-wire';

/**
 * Social services (DOMAIN.md §10.2-10.3): the contributo economico (application, the social
 * worker's assessment and project, four-eyes approval on the case engine, the payment schedule
 * for the treasury, stopped by death or emigration) and home care (SAD: application, home visit,
 * PAI, start or waiting list, monthly co-payment billed as pagoPA notices). Special-category
 * data: every action also needs the social-services office (social-access.ts), checked by the hub.
 */
export const socialService = defineService({
  id: 'social',
  calls: SOCIAL_CALLS,
  mutations: SOCIAL_MUTATIONS,
  rules: {
    'social.contributo': rule(STAFF, 'domanda di contributo economico', 'an economic assistance application'),
    'social.assessment': rule(
      STAFF,
      'valutazione e progetto individuale',
      'the social worker’s assessment and project',
    ),
    'social.sadApply': rule(STAFF, 'domanda di assistenza domiciliare', 'a home-care application'),
    'social.sadVisit': rule(STAFF, 'visita domiciliare', 'a home visit'),
    'social.sadPlan': rule(STAFF, 'piano di assistenza individualizzato (PAI)', 'a care plan (PAI)'),
    'social.sadStart': rule(
      SUPERVISORS,
      'avvio del servizio o lista d’attesa',
      'starting the service or the waiting list',
    ),
    // who waits and with how many points is the supervisor's to see (they decide who starts)
    'social.waitingList': rule(
      SUPERVISORS,
      'lista d’attesa dell’assistenza domiciliare',
      'the home-care waiting list',
    ),
    'social.treasuryExport': rule(
      STAFF,
      'esportazione dei pagamenti per la tesoreria',
      'the treasury export of payments',
    ),
    'social.sadBilling': rule(
      SUPERVISORS,
      'import delle ore e fatturazione mensile SAD',
      'the SAD hours import and monthly billing',
    ),
  },
  entities: ['social_contributo', 'social_sad'],
  backfilled: ['social_contributo', 'social_sad'],
  // not even the mirror of a registry counter holds them: only the office's workstations
  officeEntities: { social_contributo: SOCIAL_OFFICE, social_sad: SOCIAL_OFFICE },
  errors: SOCIAL_ERROR_MESSAGES,
  ui: SOCIAL_UI,
});
