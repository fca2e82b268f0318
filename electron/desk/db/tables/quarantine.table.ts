/** A change of the hub's log set aside by this counter (sync/quarantine.ts). */
export interface QuarantinedChangesTable {
  seq: number;
  entity: string;
  entity_id: string;
  op: 'upsert' | 'delete';
  /** JSON, as received: applied again once this counter can read it */
  payload: string;
  mutation_id: string | null;
  /** change_kind_unknown | change_unreadable */
  code: string;
  /** for support (schema path and rule), never shown to the clerk */
  detail: string;
  quarantined_at: string;
  /** when the hub was told; null until then */
  reported_at: string | null;
}
