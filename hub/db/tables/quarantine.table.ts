/** A change of the log a desk set aside and reported (routes/quarantine-routes.ts). */
export interface DeskQuarantineTable {
  workstation_id: string;
  /** change_log.seq of the record */
  seq: number;
  comune: string;
  entity: string;
  entity_id: string;
  code: string;
  detail: string;
  desk_version: string;
  quarantined_at: string;
  reported_at: string;
}
