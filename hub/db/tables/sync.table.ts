import type { Generated } from 'kysely';
import type { ChangeEntity } from '../../../shared/sync/change-entities';

export interface ChangeLogTable {
  seq: Generated<number>;
  comune: string;
  entity: ChangeEntity;
  entity_id: string;
  op: 'upsert' | 'delete';
  /** JSON of the entity's whole new state */
  payload: string;
  at: string;
  /** the mutation that caused it, if any */
  mutation_id: string | null;
  /**
   * null: for every workstation of the comune allowed the kind. Otherwise the one workstation the
   * row is for (the records it drops or receives when IT changes its offices).
   */
  for_workstation: string | null;
  /**
   * null: for every counter of the comune. Otherwise the office whose counters alone receive the
   * row (a case of a social procedure: who applies for economic aid is special-category data).
   */
  office: string | null;
}

export interface AppliedMutationsTable {
  workstation_id: string;
  mutation_id: string;
  status: 'applied' | 'rejected';
  error_code: string | null;
  applied_at: string;
}

export interface SyncExceptionsTable {
  id: string;
  comune: string;
  workstation_id: string;
  mutation_id: string;
  name: string;
  args: string;
  clerk: string;
  code: string;
  message: string;
  at: string;
  resolved_at: string | null;
}

export interface EnrolmentCodesTable {
  code_hash: string;
  comune: string;
  workstation_name: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** comma-separated offices the enrolled workstation joins (null: none) */
  offices: string | null;
  /** the update ring IT puts the workstation in (null: its comune's ring) */
  ring: string | null;
}

export interface HubMetaTable {
  key: string;
  value: string;
}
