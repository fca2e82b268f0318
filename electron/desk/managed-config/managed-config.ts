import { existsSync, readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import { updateRingSchema } from '../../../shared/updates/update-ring';
import { assertSecureHubUrl } from '../hub-client/tls';

/**
 * The machine-wide configuration IT drops next to a silent install (`/S`, `msiexec /qn`, a deb
 * from the repository): which hub, which comune, which ring, a one-time enrolment code, who
 * updates the app. Whatever it sets is locked: the clerk sees it and cannot change it. It lives
 * where only administrators can write, so it is trusted as IT's word; it is still validated, and
 * a broken file stops the desk with a message naming the file and the field, never silently.
 */
export const MANAGED_CONFIG_ENV = 'SPORTELLO_MANAGED_CONFIG';

export function managedConfigPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32')
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Sportello', 'managed.json');
  if (platform === 'darwin') return '/Library/Application Support/Sportello/managed.json';
  return posix.join('/etc', 'sportello', 'managed.json');
}

const hubUrlSchema = z
  .string()
  .trim()
  .url()
  .max(200)
  .refine(
    (u) => {
      try {
        assertSecureHubUrl(u);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be https:// (http:// only to this machine)' },
  );

export const UPDATE_MODES = ['self', 'managed-by-it'] as const;
export type UpdateMode = (typeof UPDATE_MODES)[number];

export const managedConfigSchema = z
  .object({
    /** one hub, or several tried in order (a failover list) */
    hubUrl: z.union([hubUrlSchema, z.array(hubUrlSchema).min(1).max(5)]),
    /** the comune's Belfiore code the enrolment must yield (e.g. B885 Casale Monferrato) */
    comune: z
      .string()
      .regex(/^[A-Z]\d{3}$/, 'a Belfiore code such as B885')
      .optional(),
    /** the workstation name the enrolment code was issued for */
    workstation: z.string().trim().min(1).max(64).optional(),
    ring: updateRingSchema.optional(),
    enrolmentCode: z.string().trim().min(4).max(40).optional(),
    /** self: per-user install that updates itself; managed-by-it: IT's tools push MSI/deb, the updater stays off */
    updates: z.enum(UPDATE_MODES).default('self'),
    /** PEM file of the CA that signs the hub's certificate (pinned: only it is trusted) */
    caCertificate: z.string().trim().min(1).max(400).optional(),
  })
  .strict();

export interface ManagedConfig {
  hubUrls: string[];
  comune: string | null;
  workstation: string | null;
  ring: string | null;
  enrolmentCode: string | null;
  updates: UpdateMode;
  caCertificate: string | null;
  /** where it came from: the file path, or the environment variable */
  source: string;
}

/** The settings a managed configuration fixes, as the settings screen names them. */
export const MANAGED_SETTINGS = [
  'hubUrl',
  'comune',
  'workstation',
  'ring',
  'updates',
  'caCertificate',
] as const;
export type ManagedSetting = (typeof MANAGED_SETTINGS)[number];

export function parseManagedConfig(text: string, source: string): ManagedConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('managed_config_invalid', {
      file: source,
      problem: `not JSON (${(err as Error).message})`,
    });
  }
  const parsed = managedConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues
      .map(
        (i) =>
          `${i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '(file)')}: ${i.message}`,
      )
      .join('; ');
    throw new AppError('managed_config_invalid', { file: source, problem });
  }
  const c = parsed.data;
  return {
    hubUrls: (Array.isArray(c.hubUrl) ? c.hubUrl : [c.hubUrl]).map((u) => u.replace(/\/+$/, '')),
    comune: c.comune ?? null,
    workstation: c.workstation ?? null,
    ring: c.ring ?? null,
    enrolmentCode: c.enrolmentCode ?? null,
    updates: c.updates,
    caCertificate: c.caCertificate ?? null,
    source,
  };
}

/**
 * The environment variable wins (a JSON text, or the path of a file), then the machine-wide
 * file; no file means an unmanaged workstation (null), set up by hand on the first-run screen.
 */
export function loadManagedConfig(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): ManagedConfig | null {
  const fromEnv = env[MANAGED_CONFIG_ENV]?.trim();
  if (fromEnv) {
    if (fromEnv.startsWith('{')) return parseManagedConfig(fromEnv, MANAGED_CONFIG_ENV);
    return parseManagedConfig(readManaged(fromEnv), fromEnv);
  }
  const file = managedConfigPath(platform, env);
  return existsSync(file) ? parseManagedConfig(readManaged(file), file) : null;
}

function readManaged(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('managed_config_invalid', {
      file,
      problem: (err as NodeJS.ErrnoException).code ?? 'unreadable',
    });
  }
}

/** What the settings screen shows as fixed by IT; the enrolment code is never shown. */
export function lockedSettings(c: ManagedConfig): { setting: ManagedSetting; value: string }[] {
  const all: [ManagedSetting, string | null][] = [
    ['hubUrl', c.hubUrls.join(', ')],
    ['comune', c.comune],
    ['workstation', c.workstation],
    ['ring', c.ring],
    ['updates', c.updates],
    ['caCertificate', c.caCertificate],
  ];
  return all
    .filter((e): e is [ManagedSetting, string] => e[1] !== null)
    .map(([setting, value]) => ({ setting, value }));
}

/** A hub address typed on the first-run screen must be one IT allowed, when IT fixed them. */
export function assertHubUrlAllowed(c: ManagedConfig | null | undefined, hubUrl: string): void {
  if (!c) return;
  if (!c.hubUrls.includes(hubUrl.trim().replace(/\/+$/, '')))
    throw new AppError('managed_setting_locked', { setting: 'hubUrl' });
}
