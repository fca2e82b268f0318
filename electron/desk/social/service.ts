import type { Migration } from 'kysely';
import { contributoRecordSchema, sadRecordSchema } from '../../../shared/social/social-wire';
import { socialService } from '../../../shared/social/service';
import { defineDeskService } from '../services/desk-service';
import * as m0000 from './migrations/2026_12_07_0000_social';
import {
  assessmentEffect,
  contributoEffect,
  sadApplyEffect,
  sadPlanEffect,
  sadStartEffect,
  sadVisitEffect,
} from './social-effects';
import { saveContributo, saveSad } from './social-repository';
import {
  assessContributo,
  contributoApply,
  sadApply,
  sadPlan,
  sadQuote,
  sadStart,
  sadVisit,
  socialCheckIban,
  socialContributi,
  socialContributo,
  socialHousehold,
  socialSad,
  socialSads,
  socialWaitingList,
} from './social-service';
import './social-tables';

const migrations: Record<string, Migration> = {
  '2026_12_07_0000_social': m0000,
};

/**
 * Social services at the counter (DOMAIN.md §10.2-10.3): the contributo economico and home care
 * (SAD), for the social-services office only, every read audited (social-access.ts).
 */
export const socialDesk = defineDeskService({
  shared: socialService,
  handlers: () => ({
    'social:household': socialHousehold,
    'social:checkIban': socialCheckIban,
    'social:contributoApply': contributoApply,
    'social:assessment': assessContributo,
    'social:contributi': socialContributi,
    'social:contributo': socialContributo,
    'social:sadApply': sadApply,
    'social:sadVisit': sadVisit,
    'social:sadQuote': sadQuote,
    'social:sadPlan': sadPlan,
    'social:sadStart': sadStart,
    'social:sads': socialSads,
    'social:sad': socialSad,
    'social:waitingList': socialWaitingList,
  }),
  effects: {
    'social.contributo': contributoEffect,
    'social.assessment': assessmentEffect,
    'social.sadApply': sadApplyEffect,
    'social.sadVisit': sadVisitEffect,
    'social.sadPlan': sadPlanEffect,
    'social.sadStart': sadStartEffect,
  },
  changes: {
    social_contributo: async (trx, change) => {
      if (change.op === 'delete') {
        await trx.deleteFrom('social_contributi').where('id', '=', change.entityId).execute();
        return;
      }
      await saveContributo(trx, contributoRecordSchema.parse(change.payload), { confirmed: true });
    },
    social_sad: async (trx, change) => {
      if (change.op === 'delete') {
        await trx.deleteFrom('social_sad').where('id', '=', change.entityId).execute();
        return;
      }
      await saveSad(trx, sadRecordSchema.parse(change.payload), { confirmed: true });
    },
  },
  migrations,
  // special-category data go first when IT revokes the workstation (DOMAIN.md §12.1)
  personalTables: ['social_contributi', 'social_sad'],
});
