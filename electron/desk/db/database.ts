import type { AuditLogTable } from './tables/audit-log.table';
import type { CashdeskDeskTables } from './tables/cashdesk.table';
import type { CertificatesTable, DeclarationsTable } from './tables/documents.table';
import type { FamiliesTable } from './tables/families.table';
import type { MetaTable } from './tables/meta.table';
import type { ResidentEventsTable } from './tables/resident-events.table';
import type { QuarantinedChangesTable } from './tables/quarantine.table';
import type { ResidentsTable } from './tables/residents.table';
import type { ClerkVerifiersTable, OutboxTable, SyncExceptionsTable } from './tables/sync.table';

/**
 * The desk's local mirror, composed from the `*.table.ts` files. A service adds its own tables
 * from its folder (`declare module '../db/database'`, see docs/adding-a-service.md).
 */
export interface Database extends CashdeskDeskTables {
  meta: MetaTable;
  families: FamiliesTable;
  residents: ResidentsTable;
  resident_events: ResidentEventsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  sync_exceptions: SyncExceptionsTable;
  quarantined_changes: QuarantinedChangesTable;
  clerk_verifiers: ClerkVerifiersTable;
  certificates: CertificatesTable;
  declarations: DeclarationsTable;
}
