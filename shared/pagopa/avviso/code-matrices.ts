// the browser build: no Node builtins (the default export's Node build loads zlib for PNG), and the
// package's top-level export has no condition the bundler resolution of our tsconfigs matches
import bwipjs from 'bwip-js/browser';
import QRCode from 'qrcode';

/**
 * The two 2-D codes of a pagoPA notice as grids of modules, for the PDF to draw as vector squares
 * and for tests to rasterize and read back. (electron/desk/documents/qr-matrix.ts is the desk's
 * twin for the QR; shared/ cannot import the desk, and this one also draws the Data Matrix.)
 * `dark(x, y)`: x the column, y the row, from the top-left corner; outside the symbol is light.
 */
export interface ModuleMatrix {
  readonly width: number;
  readonly height: number;
  dark(x: number, y: number): boolean;
}

/**
 * The QR of a notice part (DOMAIN.md §6.3): ISO/IEC 18004, error correction M. The payload is
 * digits and capitals, so the library picks the byte/alphanumeric mode and a version around 4
 * (33×33) by itself.
 */
export function noticeQrMatrix(payload: string): ModuleMatrix {
  const { size, data } = QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules;
  return {
    width: size,
    height: size,
    dark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && data[y * size + x] === 1,
  };
}

/**
 * A square ECC 200 Data Matrix (ISO/IEC 16022) drawn by bwip-js. The symbol size is left to the
 * encoder (48×48 for the 256 characters of a Poste string); Poste's manual may fix one [U]: pass
 * `size` (e.g. 52) to force it.
 */
export function dataMatrix(text: string, size?: number): ModuleMatrix {
  const [symbol] = bwipjs.raw('datamatrix', text, size !== undefined ? `columns=${size} rows=${size}` : '');
  if (!symbol || !('pixs' in symbol)) throw new Error('bwip-js drew no Data Matrix');
  const { pixs, pixx, pixy } = symbol;
  return {
    width: pixx,
    height: pixy,
    dark: (x, y) => x >= 0 && y >= 0 && x < pixx && y < pixy && pixs[y * pixx + x] === 1,
  };
}

/** An RGBA bitmap, row by row from the top (the layout of `ImageData`). */
export interface RgbaBitmap {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The matrix as black squares of `scale` pixels on white, with `quiet` light modules around it. */
export function rasterizeMatrix(matrix: ModuleMatrix, scale = 4, quiet = 4): RgbaBitmap {
  const width = (matrix.width + 2 * quiet) * scale;
  const height = (matrix.height + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      if (!matrix.dark(Math.floor(px / scale) - quiet, Math.floor(py / scale) - quiet)) continue;
      const i = (py * width + px) * 4;
      data[i] = data[i + 1] = data[i + 2] = 0;
    }
  }
  return { width, height, data };
}
