/** An inclusive byte range of a file, as HTTP writes it (`bytes=0-99` is 100 bytes). */
export interface ByteRange {
  start: number;
  end: number;
}

/** electron-updater asks for at most 1000 ranges per request (multipleRangeDownloader.js). */
export const MAX_RANGES = 1000;

/**
 * Parses a `Range` header against a file of `size` bytes (RFC 9110 §14.1.2): `null` when absent
 * or not ours to honour (another unit, garbage: answer the whole file, as the RFC allows),
 * `'unsatisfiable'` when no range falls inside the file (416), else the ranges in request order.
 * electron-updater sends `bytes=a-b, c-d, …` and expects one part per range, in its order, so
 * ranges are neither merged nor reordered.
 */
export function parseRange(header: string | undefined, size: number): ByteRange[] | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!m?.[1]) return null;
  const specs = m[1].split(',');
  if (specs.length > MAX_RANGES) return null;
  const out: ByteRange[] = [];
  for (const raw of specs) {
    const spec = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(raw);
    if (!spec) return null;
    const [, a = '', b = ''] = spec;
    if (a === '' && b === '') return null;
    if (a === '') {
      // suffix: the last n bytes
      const n = Number(b);
      if (n === 0) continue;
      out.push({ start: Math.max(0, size - n), end: size - 1 });
      continue;
    }
    const start = Number(a);
    const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
    if (b !== '' && Number(b) < start) return null;
    if (start >= size) continue;
    out.push({ start, end });
  }
  return out.length === 0 ? 'unsatisfiable' : out;
}

/** The parts of a multipart/byteranges answer: headers of each part, then the closing line. */
export function multipartLayout(
  ranges: readonly ByteRange[],
  size: number,
  contentType: string,
  boundary: string,
): { heads: string[]; tail: string; length: number } {
  const heads = ranges.map(
    (r, i) =>
      `${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${r.start}-${r.end}/${size}\r\n\r\n`,
  );
  const tail = `\r\n--${boundary}--\r\n`;
  const length =
    heads.reduce((n, h) => n + Buffer.byteLength(h), 0) +
    ranges.reduce((n, r) => n + r.end - r.start + 1, 0) +
    Buffer.byteLength(tail);
  return { heads, tail, length };
}
