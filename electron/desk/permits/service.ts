import { PERMIT_UI } from '../../../shared/permits/permit-ui';
import type { Migration } from 'kysely';
import { permitsService } from '../../../shared/permits/service';
import { PERMIT_NUMBERS, permitRecordSchema } from '../../../shared/permits/permit-wire';
import { defineDeskService } from '../services/desk-service';
import { permitStats, proposedRevocations } from './supervisor-service';
import * as m2000 from './migrations/2026_12_06_2000_permits';
import { checkLocal, expiringPermits } from './permit-lists';
import { findPermit, savePermit, writePlates } from './permit-repository';
import {
  changePlate,
  duplicatePermit,
  duplicateRecord,
  issuePermit,
  listKinds,
  lookupPlate,
  permitPdf,
  permitsForResident,
  preparePermit,
  recordFromIssue,
  revokePermit,
} from './permit-service';
import './permit-tables';

const migrations: Record<string, Migration> = {
  '2026_12_06_2000_permits': m2000,
};

/** ZTL, resident parking and CUDE at the counter (DOMAIN.md §5.1–5.3). */
export const permitsDesk = defineDeskService({
  shared: permitsService,
  handlers: () => ({
    'permits:kinds': listKinds,
    'permits:prepare': preparePermit,
    'permits:issue': issuePermit,
    'permits:forResident': permitsForResident,
    'permits:lookup': lookupPlate,
    'permits:changePlate': changePlate,
    'permits:duplicate': duplicatePermit,
    'permits:revoke': revokePermit,
    'permits:pdf': permitPdf,
    'permits:expiring': expiringPermits,
    'permits:stats': permitStats,
    'permits:proposedRevocations': (ctx) => proposedRevocations(ctx),
    'permits:checkLocal': checkLocal,
  }),
  // Optimistic, and replayed after each pull until the hub confirms: never over a record the
  // hub has sent (savePermit), and idempotent.
  effects: {
    'permits.issue': async (trx, args, meta) => {
      const parts = PERMIT_NUMBERS.parse(args.number);
      const comune = parts.ok ? parts.value.comune : '';
      await savePermit(trx, recordFromIssue(args, comune, meta.clerk), { confirmed: false });
    },
    'permits.revoke': async (trx, args) => {
      await trx
        .updateTable('permits')
        .set({ status: 'revoked', revoked_at: args.at, revoked_reason: args.reason })
        .where('id', '=', args.permitId)
        .where('status', '!=', 'revoked')
        .execute();
    },
    'permits.changePlate': async (trx, args) => {
      await trx
        .updateTable('permits')
        .set({ plates: JSON.stringify(args.plates) })
        .where('id', '=', args.permitId)
        .execute();
      await writePlates(trx, args.permitId, args.plates);
    },
    'permits.duplicate': async (trx, args, meta) => {
      const original = await findPermit(trx, args.permitId);
      if (!original) return;
      await savePermit(trx, duplicateRecord(original, args, meta.clerk), { confirmed: false });
      await trx
        .updateTable('permits')
        .set({ status: 'superseded' })
        .where('id', '=', args.permitId)
        .where('status', 'in', ['active', 'revocation_proposed'])
        .execute();
    },
  },
  changes: {
    permit: async (trx, change) => {
      if (change.op === 'delete') {
        await trx.deleteFrom('permit_plates').where('permit_id', '=', change.entityId).execute();
        await trx.deleteFrom('permits').where('id', '=', change.entityId).execute();
        return;
      }
      await savePermit(trx, permitRecordSchema.parse(change.payload), { confirmed: true });
    },
  },
  migrations,
  // children first; permit_fees is a till line and goes with the till's own records
  personalTables: ['permit_plates', 'permit_documents', 'permit_fees', 'permits'],
  // a permit's fee paid in cash is a line of the clerk's till, in its count and its closing
  tillFees: async (db, sessionId) =>
    (
      await db
        .selectFrom('permit_fees')
        .innerJoin('permits', 'permits.id', 'permit_fees.permit_id')
        .select([
          'permit_fees.permit_id',
          'permit_fees.amount_cents',
          'permit_fees.paid_at',
          'permits.number',
        ])
        .where('permit_fees.session_id', '=', sessionId)
        .execute()
    ).map((f) => ({
      id: f.permit_id,
      documentRef: f.number,
      amountCents: Number(f.amount_cents),
      paidAt: f.paid_at,
      label: { it: PERMIT_UI.it['permit.tillLine'], en: PERMIT_UI.en['permit.tillLine'] },
    })),
});
