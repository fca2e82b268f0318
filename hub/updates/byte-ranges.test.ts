import { describe, expect, it } from 'vitest';
import { multipartLayout, parseRange } from './byte-ranges';

describe('Range headers as electron-updater sends them', () => {
  it('reads its multi-range form, in its order, unmerged', () => {
    expect(parseRange('bytes=0-99, 200-299, 150-160', 1000)).toEqual([
      { start: 0, end: 99 },
      { start: 200, end: 299 },
      { start: 150, end: 160 },
    ]);
  });

  it('open ends, suffixes and ends past the file', () => {
    expect(parseRange('bytes=900-', 1000)).toEqual([{ start: 900, end: 999 }]);
    expect(parseRange('bytes=-100', 1000)).toEqual([{ start: 900, end: 999 }]);
    expect(parseRange('bytes=990-2000', 1000)).toEqual([{ start: 990, end: 999 }]);
  });

  it('416 when nothing is inside the file; the whole file for what is not a byte range', () => {
    expect(parseRange('bytes=1000-1100', 1000)).toBe('unsatisfiable');
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=5-1', 1000)).toBeNull();
    expect(parseRange('bytes=x-y', 1000)).toBeNull();
    expect(parseRange(undefined, 1000)).toBeNull();
  });

  it('a multipart answer’s length counts every part header, body and the closing line', () => {
    const ranges = [
      { start: 0, end: 9 },
      { start: 20, end: 29 },
    ];
    const layout = multipartLayout(ranges, 100, 'application/octet-stream', 'B');
    const body = `${layout.heads[0]}${'x'.repeat(10)}${layout.heads[1]}${'y'.repeat(10)}${layout.tail}`;
    expect(Buffer.byteLength(body)).toBe(layout.length);
    expect(layout.heads[1]).toBe(
      '\r\n--B\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 20-29/100\r\n\r\n',
    );
  });
});
