import type { Selectable } from 'kysely';

/** The rings, in rollout order (`position`), and when the hub lets their desks install while open. */
export interface UpdateRingsTable {
  name: string;
  position: number;
  /** local "HH:MM": a desk nobody is logged in at may install between these; null = at quit only */
  install_from: string | null;
  install_to: string | null;
}

/** The ring of a comune's workstations; a comune without a row gets releases last. */
export interface UpdateComuneRingsTable {
  comune: string;
  ring: string;
}

/** IT's choice for one PC (its own pilot PCs), from the managed configuration or the CLI. */
export interface UpdateWorkstationRingsTable {
  workstation_id: string;
  ring: string;
  set_at: string;
  /** 'enrolment' (managed configuration) or 'admin' (CLI) */
  set_by: string;
}

/** A published desk version for one platform. A version is never replaced, only halted. */
export interface UpdateReleasesTable {
  id: string;
  platform: string;
  version: string;
  notes: string;
  published_at: string;
  /** JSON `RolloutStep[]` (shared/updates/rollout.ts), fixed at publication */
  schedule: string;
  halted_at: string | null;
  /** 1 after `release rollback`: the desks on it are told, signed, to go back */
  rolled_back: number;
  /** JSON `{ ring, at }[]`: rings IT opened early with `release advance` */
  advanced: string;
}

/** The files of a release, by the name electron-updater asks for; content by sha256. */
export interface UpdateFilesTable {
  platform: string;
  file_name: string;
  release_id: string;
  /** 'installer' or 'blockmap' */
  role: string;
  /** hex sha256: the file's address in the store (<data>/hub/updates/sha256/<hex>) */
  sha256: string;
  /** base64 sha512: what electron-updater checks */
  sha512: string;
  size: number;
}

/** The latest report of each workstation (version, channel, last update result). */
export interface UpdateReportsTable {
  workstation_id: string;
  comune: string;
  version: string;
  platform: string;
  channel: string;
  last_version: string | null;
  last_outcome: string | null;
  /** desk clock, shown only */
  last_at: string | null;
  last_message: string | null;
  /** hub instant the workstation first reported this failure (counts towards the threshold) */
  failed_at: string | null;
  reported_at: string;
}

export type UpdateReleaseRow = Selectable<UpdateReleasesTable>;
export type UpdateFileRow = Selectable<UpdateFilesTable>;
export type UpdateReportRow = Selectable<UpdateReportsTable>;

export interface UpdateHubTables {
  update_rings: UpdateRingsTable;
  update_comune_rings: UpdateComuneRingsTable;
  update_workstation_rings: UpdateWorkstationRingsTable;
  update_releases: UpdateReleasesTable;
  update_files: UpdateFilesTable;
  update_reports: UpdateReportsTable;
}

declare module '../db/database' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HubDatabase extends UpdateHubTables {}
}
