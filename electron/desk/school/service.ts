import type { Migration } from 'kysely';
import { schoolService } from '../../../shared/school/service';
import { schoolAccountRecordSchema, schoolEnrolmentRecordSchema } from '../../../shared/school/school-wire';
import { defineDeskService } from '../services/desk-service';
import * as m0000 from './migrations/2026_12_07_0000_school';
import { schoolAbsences, schoolIseePreview, schoolWithdrawPreview } from './school-preview';
import { saveAccount, saveEnrolment } from './school-repository';
import {
  absenceEffect,
  enrolEffect,
  iseeEffect,
  schoolAbsenceCall,
  schoolAccount,
  schoolEnrolCall,
  schoolHousehold,
  schoolIseeCall,
  schoolList,
  schoolOptions,
  schoolPayers,
  schoolQuote,
  schoolWithdrawCall,
  withdrawEffect,
} from './school-service';
import './school-tables';

const migrations: Record<string, Migration> = {
  '2026_12_07_0000_school': m0000,
};

/** Canteen and school transport at the counter (issue 15, DOMAIN.md §10.1). */
export const schoolDesk = defineDeskService({
  shared: schoolService,
  handlers: () => ({
    'school:options': schoolOptions,
    'school:household': schoolHousehold,
    'school:quote': schoolQuote,
    'school:enrol': schoolEnrolCall,
    'school:absence': schoolAbsenceCall,
    'school:isee': schoolIseeCall,
    'school:withdraw': schoolWithdrawCall,
    'school:list': schoolList,
    'school:account': schoolAccount,
    'school:payers': schoolPayers,
    'school:iseePreview': schoolIseePreview,
    'school:withdrawPreview': schoolWithdrawPreview,
    'school:absences': schoolAbsences,
  }),
  // Optimistic, and replayed after each pull until the hub confirms: never over a record the
  // hub has sent (saveEnrolment), and idempotent.
  effects: {
    'school.enrol': enrolEffect,
    'school.withdraw': withdrawEffect,
    'school.absence': absenceEffect,
    'school.isee': iseeEffect,
  },
  changes: {
    school_enrolment: async (trx, change) => {
      if (change.op === 'delete') {
        await trx.deleteFrom('school_enrolments').where('id', '=', change.entityId).execute();
        return;
      }
      await saveEnrolment(trx, schoolEnrolmentRecordSchema.parse(change.payload), { confirmed: true });
    },
    school_account: async (trx, change) => {
      if (change.op === 'delete') {
        await trx.deleteFrom('school_accounts').where('id', '=', change.entityId).execute();
        return;
      }
      await saveAccount(trx, schoolAccountRecordSchema.parse(change.payload));
    },
  },
  migrations,
  // children's and families' data (diet needs are special-category data, §12)
  personalTables: ['school_absences', 'school_enrolments', 'school_accounts'],
});
