import { certificatesService } from '../../shared/certificates/service';
import { defineHubService } from '../services/hub-service';
import { headSeq } from '../sync/change-log';
import { recordCertificate, recordDeclaration, revokeCertificate } from './certificate-appliers';
import { findCertificate, toCertificateSummary } from './certificate-repository';
import { verificationRoutes } from './verification-routes';

/** Certificates at the hub: the record of what counters issued, revocation, the public QR check. */
export const certificatesHub = defineHubService({
  shared: certificatesService,
  appliers: {
    'certificates.record': recordCertificate,
    'certificates.revoke': revokeCertificate,
    'declarations.record': recordDeclaration,
  },
  // the tables are in the core's first migrations
  migrations: {},
  routes: (app, ctx) => verificationRoutes(app, ctx),
  tillFees: (trx, sessionId) =>
    trx
      .selectFrom('certificate_fees')
      .select(['certificate_id as id', 'amount_cents'])
      .where('session_id', '=', sessionId)
      .execute(),
  currentState: async (trx, ws, name, fields) => {
    if (name !== 'certificates.revoke') return null;
    const certificateId = fields.id;
    const found =
      typeof certificateId === 'string' ? await findCertificate(trx, ws.comune, certificateId) : null;
    // Stamped with the log's head: a desk that has already pulled past it keeps what it pulled.
    const seq = await headSeq(trx, ws.comune);
    return found
      ? [
          {
            seq,
            entity: 'certificate',
            entityId: found.id,
            op: 'upsert',
            payload: toCertificateSummary(found),
          },
        ]
      : [];
  },
});
