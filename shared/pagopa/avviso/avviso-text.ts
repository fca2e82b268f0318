/**
 * Text the PDF's standard Helvetica fonts can print (WinAnsi). pagoPA's template v2 asks for UTF-8
 * text (Slovenian č š ž, German ß…); until issue 18 embeds a Unicode font, letters outside WinAnsi
 * lose their diacritics (Č → C) and anything else becomes "?". A copy of the small part of
 * electron/desk/documents/pdf-layout.ts `safeText` the notice needs: shared/ cannot import the
 * desk, and that file stays where the other documents use it.
 */

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

export function avvisoText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) out += char;
    else if (/\s/u.test(char)) out += ' ';
    else if (/\p{Cc}|\p{Cf}/u.test(char)) continue;
    else {
      const plain = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += plain !== '' && [...plain].every(isWinAnsi) ? plain : '?';
    }
  }
  return out;
}

/** Lines no wider than `width` points; a word wider than the line is cut where it must be. */
export function wrapLines(text: string, measure: (s: string) => number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
