import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { assertOwnedByUs } from './owned-folder';

/** What launchChromium needs to start the browser that ships in node_modules. */
export interface BundledChromium {
  executablePath: string;
  /** extra environment for the browser process: its own NSS libraries and fonts */
  env: Record<string, string>;
}

const run = promisify(execFile);

/**
 * The headless Chromium of @sparticuz/chromium (a devDependency), so the UI tests need no
 * `apt-get install chromium`. The package ships Brotli archives: the browser, the SwiftShader
 * GL libraries it loads from its own folder, a fallback font (Open Sans) and the NSS/NSPR
 * libraries it links against (the "al2023" set, which a bare Debian lacks without the chromium
 * package). They are unpacked once per version into a shared folder under the temp dir (about
 * 210 MB, 5 s): the package's own `executablePath()` would unpack into /tmp itself, non-atomically,
 * so two test runs starting together could launch a half-written binary. Here a child process
 * unpacks with the package's `inflate` into a private staging folder (TMPDIR pointed at it) that
 * is then renamed into place in one step; whoever loses that race discards its copy.
 */
export async function bundledChromium(): Promise<BundledChromium> {
  const entry = createRequire(__filename).resolve('@sparticuz/chromium');
  const pkgDir = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  // one folder per user: the temp dir is shared, and what we execute must be our own
  const dir = join(tmpdir(), `sportello-bundled-chromium-${version}-u${process.getuid?.() ?? 0}`);
  if (!existsSync(join(dir, 'ready'))) await unpack(pkgDir, entry, dir);
  assertOwnedByUs(dir);
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
  };
}

async function unpack(pkgDir: string, entry: string, dir: string): Promise<void> {
  const staging = mkdtempSync(join(tmpdir(), 'sportello-bundled-chromium-unpack-'));
  try {
    const bin = join(pkgDir, 'bin');
    const script = [
      `import { inflate } from ${JSON.stringify(pathToFileURL(entry).href)};`,
      `await Promise.all(${JSON.stringify(['chromium.br', 'fonts.tar.br', 'swiftshader.tar.br', 'al2023.tar.br'].map((f) => join(bin, f)))}.map((f) => inflate(f)));`,
    ].join('\n');
    await run(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: staging },
    });
    // The package's fonts.conf names /tmp/fonts; ours keeps the system's fonts (if any) and adds
    // the bundled one, so pages render the same text with or without fonts installed.
    writeFileSync(
      join(staging, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <dir>${join(dir, 'fonts', 'fonts')}</dir>`,
        `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    writeFileSync(join(staging, 'ready'), `${new Date().toISOString()}\n`);
    try {
      renameSync(staging, dir);
    } catch (err) {
      // another run finished first (the folder exists and is not empty): use theirs
      if (!existsSync(join(dir, 'ready'))) throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
