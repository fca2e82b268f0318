/**
 * The platforms the hub serves, in electron-builder's words for `${os}` (win, linux, mac), and the
 * feed file electron-updater asks each for: `latest.yml` on Windows (no suffix, for historical
 * reasons), `latest-linux.yml` (x64; other architectures add `-arm64`…), `latest-mac.yml`.
 */
export const UPDATE_PLATFORMS = ['win', 'linux', 'mac'] as const;
export type UpdatePlatform = (typeof UPDATE_PLATFORMS)[number];

export const FEED_FILES: Record<UpdatePlatform, string> = {
  win: 'latest.yml',
  linux: 'latest-linux.yml',
  mac: 'latest-mac.yml',
};

export const isUpdatePlatform = (value: string): value is UpdatePlatform =>
  (UPDATE_PLATFORMS as readonly string[]).includes(value);

/** The platform a feed file is for, or null when the name is no feed of ours. */
export function platformOfFeedFile(file: string): UpdatePlatform | null {
  for (const p of UPDATE_PLATFORMS) if (FEED_FILES[p] === file) return p;
  return null;
}
