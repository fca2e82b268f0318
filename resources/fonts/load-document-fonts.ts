import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDocumentFonts, type DocumentFontSet } from '../../shared/documents/document-fonts';

/**
 * Reads the documents' font (Noto Sans, SIL Open Font License 1.1: OFL.txt beside it) once per
 * process and checks its coverage (shared/documents/document-fonts.ts), for the desk and the hub.
 *
 * Where the files are: beside this module when it runs from the sources (tsx, vitest); in a build
 * the code is bundled into out/main, so the folder is looked for upwards from the running file
 * (the packaged app carries resources/fonts inside its archive, electron-builder.yml `files`).
 * SPORTELLO_FONTS_DIR points elsewhere (another font with the same coverage).
 */

export const FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;

function fontsDir(): string {
  const configured = process.env.SPORTELLO_FONTS_DIR;
  if (configured) return configured;
  let dir = __dirname;
  for (let up = 0; up < 6; up++) {
    for (const candidate of [dir, join(dir, 'resources', 'fonts')]) {
      if (existsSync(join(candidate, FONT_FILES.regular))) return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error(`the documents' font (${FONT_FILES.regular}) was not found from ${__dirname}`);
}

let cached: DocumentFontSet | undefined;

/** The checked font pair; throws (FontCoverageError) if the font cannot print the registry's names. */
export function documentFonts(): DocumentFontSet {
  if (!cached) {
    const dir = fontsDir();
    cached = loadDocumentFonts({
      regular: readFileSync(join(dir, FONT_FILES.regular)),
      bold: readFileSync(join(dir, FONT_FILES.bold)),
    });
  }
  return cached;
}
