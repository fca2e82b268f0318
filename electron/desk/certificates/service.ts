import { certificateSummarySchema } from '../../../shared/certificates/certificate-record';
import { certificatesService } from '../../../shared/certificates/service';
import { TRUST_UI } from '../../../shared/i18n/trust-ui';
import { defineDeskService } from '../services/desk-service';
import { upsertCertificateSummary } from './certificate-repository';
import {
  certificatePdf,
  issueCertificate,
  listCertificates,
  previewCertificate,
  revokeCertificate,
} from './certificate-service';
import { issueDeclaration, previewDeclaration } from './declaration-service';

const nothing = async (): Promise<void> => {};

/** Certificates and self-declarations at the counter (tables in the core's first migrations). */
export const certificatesDesk = defineDeskService({
  shared: certificatesService,
  handlers: () => ({
    'certificates:preview': previewCertificate,
    'certificates:issue': issueCertificate,
    'certificates:pdf': certificatePdf,
    'certificates:list': listCertificates,
    'certificates:revoke': revokeCertificate,
    'declarations:preview': previewDeclaration,
    'declarations:issue': issueDeclaration,
  }),
  // Documents are stored by their service with the PDF, in the same transaction (runMutation's
  // `alongside`); their mutation only tells the hub.
  effects: {
    'certificates.record': nothing,
    'certificates.revoke': async (trx, args, meta) => {
      await trx
        .updateTable('certificates')
        .set({ status: 'revoked', revoked_at: meta.at, revoked_by: meta.clerk, revoke_reason: args.reason })
        .where('id', '=', args.id)
        .execute();
    },
    'declarations.record': nothing,
  },
  changes: {
    certificate: async (trx, change) => {
      if (change.op === 'upsert') {
        await upsertCertificateSummary(trx, certificateSummarySchema.parse(change.payload));
      }
    },
  },
  migrations: {},
  personalTables: ['certificates', 'declarations'],
  // the diritti collected with certificates are cash taken at the clerk's till like any payment
  tillFees: async (db, sessionId) =>
    (
      await db
        .selectFrom('certificate_fees')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('paid_at')
        .execute()
    ).map((f) => ({
      id: f.id,
      documentRef: f.certificate_id,
      amountCents: Number(f.amount_cents),
      paidAt: f.paid_at,
      label: { it: TRUST_UI.it['trust.certificateFee'], en: TRUST_UI.en['trust.certificateFee'] },
    })),
});
