import QRCode from 'qrcode';

/**
 * The modules of a QR code, as drawn on our documents (error correction level M: readable with a
 * crease or a stamp across it, still small enough for a 60-character address).
 * `dark(x, y)`: x is the column, y the row, both from the top-left corner; outside is light.
 */
export interface QrMatrix {
  readonly size: number;
  dark(x: number, y: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return {
    size,
    dark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && data[y * size + x] === 1,
  };
}

/** An RGBA bitmap, row by row from the top (the layout of `ImageData`). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * The matrix as black squares of `scale` pixels on white, with `quietZone` light modules around
 * it (the standard asks for 4). Lets a test read back with a decoder exactly what is drawn.
 */
export function rasterizeQr(matrix: QrMatrix, scale = 4, quietZone = 4): RgbaImage {
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`scale must be a positive integer: ${scale}`);
  if (!Number.isInteger(quietZone) || quietZone < 0) {
    throw new RangeError(`quietZone must be a non-negative integer: ${quietZone}`);
  }
  const modules = matrix.size + 2 * quietZone;
  const width = modules * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py++) {
    const y = Math.floor(py / scale) - quietZone;
    for (let px = 0; px < width; px++) {
      if (!matrix.dark(Math.floor(px / scale) - quietZone, y)) continue;
      const i = (py * width + px) * 4;
      data[i] = data[i + 1] = data[i + 2] = 0;
    }
  }
  return { width, height: width, data };
}
