import { rule, STAFF, SUPERVISORS } from '../auth/rule';
import { defineService } from '../services/service-definition';
import { SCHOOL_CALLS } from './school-calls';
import { SCHOOL_ERROR_MESSAGES } from './school-errors';
import { SCHOOL_UI } from './school-ui';
import { SCHOOL_MUTATIONS } from './school-wire';

/**
 * School services (issue 15, DOMAIN.md §10.1): canteen (mensa) and school transport (trasporto).
 * The counter enrols a child for a school year, marks canteen absences and records the payer's
 * ISEE; the hub recomputes resident flag, school age, sibling rank and band from its own data,
 * imports the canteen operator's daily meals, and bills each family once a month with one pagoPA
 * notice (corrections of past months as credit or debit lines on the next one).
 */
export const schoolService = defineService({
  id: 'school',
  calls: SCHOOL_CALLS,
  mutations: SCHOOL_MUTATIONS,
  rules: {
    'school.enrol': rule(
      STAFF,
      'iscrizione a mensa o trasporto scolastico',
      'a canteen or school transport enrolment',
    ),
    'school.withdraw': rule(STAFF, 'ritiro dal servizio scolastico', 'withdrawing from a school service'),
    'school.absence': rule(STAFF, 'assenza in mensa', 'a canteen absence'),
    'school.isee': rule(STAFF, 'nuova attestazione ISEE del pagante', 'a payer’s new ISEE statement'),
    'school.billingRun': rule(
      SUPERVISORS,
      'fatturazione mensile dei servizi scolastici',
      'the school services’ monthly billing',
    ),
    'school.attendanceImport': rule(
      SUPERVISORS,
      'importazione delle presenze in mensa',
      'importing canteen attendance',
    ),
  },
  entities: ['school_enrolment', 'school_account'],
  backfilled: ['school_enrolment', 'school_account'],
  errors: SCHOOL_ERROR_MESSAGES,
  ui: SCHOOL_UI,
});
