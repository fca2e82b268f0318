import {
  concatTransformationMatrix,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingColor,
  type Color,
  type PDFOperator,
} from 'pdf-lib';

/** A 2-D code's modules (QR code, Data Matrix): `dark(x, y)`, column x from the left, row y from the top. */
export interface ModuleGrid {
  readonly width: number;
  readonly height: number;
  dark(x: number, y: number): boolean;
}

/**
 * The page operators that paint the dark modules of `grid` with its top-left corner at (`x`,
 * `top`) in points, each module `module` points square. One rectangle per run of dark modules in
 * a row, all filled by one operator: no hairlines between them, and fast to write (a drawRectangle
 * per module or run wraps each in its own graphics state: a certificate's QR code has some 300
 * runs). The runs are drawn in module units under one scaling matrix, so each is a few small
 * integers rather than four 16-digit coordinates, and the symbol's edges are exact.
 */
export function moduleGridOperators(
  grid: ModuleGrid,
  at: { x: number; top: number; module: number; color: Color },
): PDFOperator[] {
  const { width, height } = grid;
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    concatTransformationMatrix(at.module, 0, 0, at.module, at.x, at.top - height * at.module),
    setFillingColor(at.color),
  ];
  for (let row = 0; row < height; row++) {
    let col = 0;
    while (col < width) {
      if (!grid.dark(col, row)) {
        col++;
        continue;
      }
      const start = col;
      while (col < width && grid.dark(col, row)) col++;
      ops.push(rectangle(start, height - 1 - row, col - start, 1));
    }
  }
  ops.push(fill(), popGraphicsState());
  return ops;
}
