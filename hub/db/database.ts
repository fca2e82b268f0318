import type { ClerkSessionsTable } from './tables/clerk-sessions.table';
import type { ComuniTable } from './tables/comuni.table';
import type { FamiliesTable, ResidentEventsTable, ResidentsTable } from './tables/registry.table';
import type { UsersTable } from './tables/users.table';
import type { WorkstationsTable } from './tables/workstations.table';

export interface HubDatabase {
  comuni: ComuniTable;
  users: UsersTable;
  workstations: WorkstationsTable;
  clerk_sessions: ClerkSessionsTable;
  families: FamiliesTable;
  residents: ResidentsTable;
  resident_events: ResidentEventsTable;
}
