/** Hub audit rows: one HMAC chain per comune (`hub:<belfiore>`); see hub/audit/audit-trail.ts. */
export interface HubAuditTable {
  chain: string;
  seq: number;
  at: string;
  /** the username from the hub's own session, or what stands for it (`postazione`, `pubblico`) */
  clerk: string;
  workstation: string;
  action: string;
  entity: string;
  /** ids only, never a person's data */
  entity_id: string;
  reason: string;
  prev_mac: string;
  mac: string;
}

/** A desk's chain as shipped, chained again under the hub's key (`desk:<workstation id>`). */
export interface DeskAuditTable {
  workstation_id: string;
  seq: number;
  at: string;
  clerk: string;
  workstation: string;
  action: string;
  entity: string;
  entity_id: string;
  reason: string;
  desk_prev_mac: string;
  desk_mac: string;
  received_at: string;
  prev_mac: string;
  mac: string;
}

export interface AuditHeadsTable {
  chain: string;
  seq: number;
  mac: string;
  anchored_seq: number;
  anchored_at: string;
}

export interface AuditAnchorsTable {
  chain: string;
  seq: number;
  mac: string;
  at: string;
  anchor_mac: string;
}

export interface AuditHubTables {
  hub_audit: HubAuditTable;
  desk_audit: DeskAuditTable;
  audit_heads: AuditHeadsTable;
  audit_anchors: AuditAnchorsTable;
}
