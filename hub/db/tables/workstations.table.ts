import type { Selectable } from 'kysely';

export interface WorkstationsTable {
  id: string;
  name: string;
  comune: string;
  /** sha256 of the device credential; the credential itself is never stored */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** the workstation's own numbering series (certificates, receipts): P1, P2… within the comune */
  series: string | null;
}
export type WorkstationRow = Selectable<WorkstationsTable>;

/**
 * The offices a workstation serves (e.g. `servizi_sociali`): kinds of record a service declares
 * office-scoped (special-category data, DOMAIN.md §12.1) reach only these workstations' mirrors.
 */
export interface WorkstationOfficesTable {
  workstation_id: string;
  office: string;
}
