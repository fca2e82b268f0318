import type { DowngradeInstruction } from './downgrade-instruction';

/** One file of a release as electron-updater checks it. */
export interface FeedFile {
  /** the file's name, resolved by electron-updater against the feed's own URL */
  url: string;
  /** base64 sha512 of the whole file: what electron-updater compares after downloading */
  sha512: string;
  size: number;
}

/** When the hub lets a desk install while open (local wall-clock times, "HH:MM"). */
export interface InstallWindow {
  from: string;
  to: string;
}

export interface FeedContent {
  version: string;
  files: readonly FeedFile[];
  releaseDate: string;
  releaseNotes: string;
  /** Sportello's own fields; electron-updater keeps unknown keys in `updateInfo` */
  ring: string;
  installWindow: InstallWindow | null;
  downgrade: DowngradeInstruction | null;
}

// A JSON string is a valid YAML double-quoted scalar: notes with quotes, colons or new lines
// cannot break the file, and nothing IT types becomes a YAML key.
const q = (s: string): string => JSON.stringify(s);

/**
 * `latest.yml` as electron-builder writes it for the generic provider (version, files with
 * sha512 and size, the legacy top-level `path`/`sha512`, releaseDate), plus the hub's decision
 * for this workstation: its ring, when it may install while open, and a signed downgrade.
 */
export function renderFeedYaml(feed: FeedContent): string {
  const first = feed.files[0];
  const lines = [`version: ${q(feed.version)}`, 'files:'];
  for (const f of feed.files) {
    lines.push(`  - url: ${q(f.url)}`, `    sha512: ${q(f.sha512)}`, `    size: ${f.size}`);
  }
  if (first) lines.push(`path: ${q(first.url)}`, `sha512: ${q(first.sha512)}`);
  lines.push(`releaseDate: ${q(feed.releaseDate)}`, `releaseNotes: ${q(feed.releaseNotes)}`);
  lines.push(`sportelloRing: ${q(feed.ring)}`);
  if (feed.installWindow) {
    lines.push(
      'sportelloInstallWindow:',
      `  from: ${q(feed.installWindow.from)}`,
      `  to: ${q(feed.installWindow.to)}`,
    );
  }
  if (feed.downgrade) {
    lines.push('sportelloDowngrade:');
    for (const [k, v] of Object.entries(feed.downgrade)) lines.push(`  ${k}: ${q(v)}`);
  }
  return `${lines.join('\n')}\n`;
}
