export interface ClerkSessionsTable {
  token_hash: string;
  user_id: string;
  workstation_id: string;
  created_at: string;
  expires_at: string;
}
