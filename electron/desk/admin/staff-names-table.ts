/**
 * The comune's staff as the hub names them (username → display name), kept from the last online
 * look so queues and registers show names offline too (migration 2026_12_07_0530_admin_staff_names).
 */
export interface StaffNamesTable {
  username: string;
  display_name: string;
}

export interface AdminDeskTables {
  staff_names: StaffNamesTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Database extends AdminDeskTables {}
}
