import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix, rasterizeQr, type QrMatrix } from './qr-matrix';

const decode = (matrix: QrMatrix, scale = 4, quietZone = 4): string | null => {
  const image = rasterizeQr(matrix, scale, quietZone);
  return jsQR(image.data, image.width, image.height)?.data ?? null;
};

describe('qrMatrix', () => {
  it('encodes the text exactly, as a phone would read it back', () => {
    const url = 'https://hub.casale.example/verifica/B885-A2-2025-000042';
    expect(decode(qrMatrix(url))).toBe(url);
    expect(decode(qrMatrix('Città – € 16,00'))).toBe('Città – € 16,00');
  });

  it('is a real QR symbol: 21 modules for a short text, the finder patterns in three corners', () => {
    const m = qrMatrix('B885-A2-2025-000042');
    expect((m.size - 17) % 4).toBe(0);
    expect(qrMatrix('hi').size).toBe(21);
    for (const [x, y] of [
      [0, 0],
      [m.size - 1, 0],
      [0, m.size - 1],
    ] as const) {
      expect(m.dark(x, y)).toBe(true);
    }
    // (7, 7) lies on the light separator around the top-left finder; outside the symbol is light
    expect(m.dark(7, 7)).toBe(false);
    expect(m.dark(-1, 0)).toBe(false);
    expect(m.dark(0, m.size)).toBe(false);
  });

  it('different addresses give different symbols', () => {
    const a = qrMatrix('https://hub.casale.example/verifica/B885-A2-2025-000042');
    const b = qrMatrix('https://hub.casale.example/verifica/B885-A2-2025-000043');
    const cells = (m: QrMatrix): boolean[] =>
      Array.from({ length: m.size * m.size }, (_, i) => m.dark(i % m.size, Math.floor(i / m.size)));
    expect(cells(a)).not.toEqual(cells(b));
  });
});

describe('rasterizeQr', () => {
  it('draws each module as a scale × scale square inside the quiet zone', () => {
    const m = qrMatrix('hi');
    const image = rasterizeQr(m, 3, 2);
    expect(image.width).toBe((21 + 4) * 3);
    expect(image.height).toBe(image.width);
    expect(image.data).toHaveLength(image.width * image.height * 4);
    const pixel = (x: number, y: number): number[] => [
      ...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4),
    ];
    expect(pixel(0, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(6, 6)).toEqual([0, 0, 0, 255]);
    expect(pixel(8, 8)).toEqual([0, 0, 0, 255]);
    expect(pixel(5, 6)).toEqual([255, 255, 255, 255]);
  });

  it('refuses a scale that is not a positive integer', () => {
    expect(() => rasterizeQr(qrMatrix('x'), 0)).toThrow(RangeError);
    expect(() => rasterizeQr(qrMatrix('x'), 1.5)).toThrow(RangeError);
    expect(() => rasterizeQr(qrMatrix('x'), 2, -1)).toThrow(RangeError);
  });
});
