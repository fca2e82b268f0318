import type { AuditHubTables } from './tables/audit.table';
import type { CashdeskHubTables } from './tables/cashdesk.table';
import type {
  CertificateFeesTable,
  CertificatesTable,
  DocumentsIssuedTable,
} from './tables/certificates.table';
import type { ClerkSessionsTable } from './tables/clerk-sessions.table';
import type { ComuniTable } from './tables/comuni.table';
import type { LoginAttemptsTable } from './tables/login-attempts.table';
import type { DeskQuarantineTable } from './tables/quarantine.table';
import type { FamiliesTable, ResidentEventsTable, ResidentsTable } from './tables/registry.table';
import type {
  AppliedMutationsTable,
  ChangeLogTable,
  EnrolmentCodesTable,
  HubMetaTable,
  SyncExceptionsTable,
} from './tables/sync.table';
import type { UserOfficesTable } from './tables/user-offices.table';
import type { UsersTable } from './tables/users.table';
import type { WorkstationOfficesTable, WorkstationsTable } from './tables/workstations.table';

/**
 * The hub's tables. A service adds its own from its folder (`declare module '../db/database'`,
 * see docs/adding-a-service.md).
 */
export interface HubDatabase extends CashdeskHubTables, AuditHubTables {
  comuni: ComuniTable;
  users: UsersTable;
  user_offices: UserOfficesTable;
  login_attempts: LoginAttemptsTable;
  workstations: WorkstationsTable;
  workstation_offices: WorkstationOfficesTable;
  clerk_sessions: ClerkSessionsTable;
  families: FamiliesTable;
  residents: ResidentsTable;
  resident_events: ResidentEventsTable;
  change_log: ChangeLogTable;
  applied_mutations: AppliedMutationsTable;
  sync_exceptions: SyncExceptionsTable;
  desk_quarantine: DeskQuarantineTable;
  enrolment_codes: EnrolmentCodesTable;
  hub_meta: HubMetaTable;
  certificates: CertificatesTable;
  certificate_fees: CertificateFeesTable;
  documents_issued: DocumentsIssuedTable;
}
