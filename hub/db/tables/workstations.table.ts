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
