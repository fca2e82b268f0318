import type { Migration } from 'kysely';
import { canoneApplicationRecordSchema } from '../../../shared/canone/canone-wire';
import { canoneService } from '../../../shared/canone/service';
import { defineDeskService } from '../services/desk-service';
import * as m2300 from './migrations/2026_12_06_2300_canone';
import { findApplication, saveApplication } from './canone-repository';
import {
  applyEffect,
  canoneActive,
  canoneApplyCall,
  canoneForCase,
  canoneGet,
  canoneList,
  canoneOptions,
  canoneQuote,
  concessionPdf,
  refusalNoticePdf,
  revokeConcession,
} from './canone-service';
import './canone-tables';

const migrations: Record<string, Migration> = {
  '2026_12_06_2300_canone': m2300,
};

/** The canone unico at the counter (DOMAIN.md §5.4): applications, the live fee, concessions. */
export const canoneDesk = defineDeskService({
  shared: canoneService,
  handlers: () => ({
    'canone:options': canoneOptions,
    'canone:quote': canoneQuote,
    'canone:apply': canoneApplyCall,
    'canone:list': canoneList,
    'canone:active': canoneActive,
    'canone:get': canoneGet,
    'canone:forCase': canoneForCase,
    'canone:revoke': revokeConcession,
    'canone:concessionPdf': concessionPdf,
    'canone:refusalNoticePdf': refusalNoticePdf,
  }),
  // Optimistic, and replayed after each pull until the hub confirms: never over a record the
  // hub has sent (saveApplication), and idempotent.
  effects: {
    'canone.apply': applyEffect,
    'canone.revoke': async (trx, args) => {
      const r = await findApplication(trx, args.applicationId);
      if (!r?.concession || r.status !== 'approved') return;
      await trx
        .updateTable('canone_applications')
        .set({
          status: 'revoked',
          end: args.endsOn,
          record: JSON.stringify({
            ...r,
            status: 'revoked',
            statusReason: args.reason,
            revokedAt: args.at,
            concession: { ...r.concession, validTo: args.endsOn },
          }),
        })
        .where('id', '=', r.id)
        .execute();
    },
  },
  changes: {
    canone_application: async (trx, change) => {
      if (change.op === 'delete') {
        await trx.deleteFrom('canone_applications').where('id', '=', change.entityId).execute();
        return;
      }
      await saveApplication(trx, canoneApplicationRecordSchema.parse(change.payload), { confirmed: true });
    },
  },
  migrations,
  personalTables: ['canone_applications'],
});
