import { z } from 'zod';
import { UPDATE_PLATFORMS } from './platforms';
import { deskVersionSchema } from './version';

/** The feed and its files: outside `/api/v…`, since electron-updater sends no protocol header. */
export const UPDATES_PREFIX = '/updates';
/** The desk's report at sync (version, channel, last update result). */
export const UPDATE_REPORT_PATH = '/api/v1/updates/report';
/** The hub's public update key (Ed25519, SPKI PEM), for the desk to pin. */
export const UPDATE_KEY_PATH = '/updates/key';
/** Sent by the desk's updater with every feed request (electron-updater `requestHeaders`). */
export const DESK_VERSION_HEADER = 'x-sportello-version';

export const UPDATE_OUTCOMES = ['none', 'downloaded', 'installed', 'failed'] as const;

/**
 * What a desk says about its updates. It is a claim: the hub files it under the workstation its
 * credential names and computes the ring itself; a report moves no workstation and no rollout by
 * what it says it is, only by the failures it counts.
 */
export const updateReportSchema = z
  .object({
    version: deskVersionSchema,
    platform: z.enum(UPDATE_PLATFORMS),
    /** electron-updater's channel (`latest`) */
    channel: z.string().trim().min(1).max(40).default('latest'),
    lastResult: z
      .object({
        /** the version the desk tried to install */
        version: deskVersionSchema,
        outcome: z.enum(UPDATE_OUTCOMES),
        /** desk clock, for the table only: the hub files the report at its own time */
        at: z.string().datetime(),
        message: z.string().max(300).optional(),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type UpdateReport = z.infer<typeof updateReportSchema>;
