/**
 * The offices a user belongs to, besides their role (DOMAIN.md §12.1: special-category data in
 * separately permissioned modules): e.g. `servizi_sociali` for the social-services office.
 * Read afresh at every action, so an office taken away is taken away at once.
 */
export interface UserOfficesTable {
  username: string;
  office: string;
}
