/**
 * The matrix form: a convolution is a sparse matrix C, y = C·x; its transposed convolution is
 * Cᵀ. Rows and columns are the cells of one batch item with channels flattened in NCHW order:
 * column ci·H·W + y·W + x is input cell (ci, y, x), row co·outH·outW + oy·outW + ox is output
 * cell (co, oy, ox), so C multiplies exactly the batch item's slice of x.data. With one channel
 * that is the plane itself (the guide's 4×4 input and 3×3 kernel give a 4×16 C).
 */
import { ShapeError } from './errors';
import { numel } from './tensor';
import type { Conv2DInfo, ConvTranspose2DInfo } from './shape';

/** The most stored entries a matrix may have: the matrix view is for small inputs. */
export const MAX_MATRIX_ENTRIES = 1_000_000;

/** The cells a matrix dimension enumerates: channels × h × w, NCHW order. */
export interface MatrixGrid {
  readonly channels: number;
  readonly h: number;
  readonly w: number;
}

/**
 * One stored entry: M[row, col] = value = weight[wIndex]. Row cell (rowChannel, rowY, rowX) is
 * what the product writes, column cell (colChannel, colY, colX) what it reads; (ky, kx) is the
 * kernel cell linking them. An entry exists for every link, even where the weight is 0.
 */
export interface MatrixEntry {
  readonly row: number;
  readonly col: number;
  readonly value: number;
  readonly wIndex: number;
  readonly ky: number;
  readonly kx: number;
  readonly rowChannel: number;
  readonly rowY: number;
  readonly rowX: number;
  readonly colChannel: number;
  readonly colY: number;
  readonly colX: number;
}

/**
 * A sparse matrix of a (transposed) convolution. `kind` 'conv': C, rows = conv output cells,
 * columns = conv input cells. 'convTranspose': Cᵀ, rows = transposed-conv output cells, columns
 * = its input cells. Entries sorted by row, then column; at most one per (row, col).
 */
export interface ConvMatrix {
  readonly kind: 'conv' | 'convTranspose';
  readonly rows: number;
  readonly cols: number;
  readonly rowGrid: MatrixGrid;
  readonly colGrid: MatrixGrid;
  readonly entries: readonly MatrixEntry[];
}

function checkWeight(weight: ArrayLike<number>, expected: number, layout: string): void {
  if (weight.length !== expected) {
    throw new ShapeError('data-length', 'weight', `weight ${layout} needs ${expected} values, but holds ${weight.length}.`, {
      expected,
      got: weight.length,
    });
  }
}

function checkEntries(count: number): void {
  if (count > MAX_MATRIX_ENTRIES) {
    throw new ShapeError(
      'too-large',
      'x',
      `The matrix would store up to ${count.toLocaleString('en')} entries; the matrix view holds at most ${MAX_MATRIX_ENTRIES.toLocaleString('en')}. ` +
        `Use a smaller input, kernel or fewer channels.`,
      { got: count, max: MAX_MATRIX_ENTRIES },
    );
  }
}

const byRowThenCol = (a: MatrixEntry, b: MatrixEntry): number => a.row - b.row || a.col - b.col;

/**
 * C of convolution `info` with `weight` `[Cout, Cin/g, kH, kW]` (flat, as Tensor.data):
 * (Cout·outH·outW) × (Cin·inH·inW). Taps in the padding have no column (padding is 0), so they
 * store nothing. Refuses more than MAX_MATRIX_ENTRIES links. Allocates the entry list.
 */
export function convMatrix(info: Conv2DInfo, weight: ArrayLike<number>): ConvMatrix {
  const { inChannels, inH, inW, outChannels, outH, outW, inPerGroup, outPerGroup, kH, kW, strideH, strideW, dilationH, dilationW, pad } = info;
  checkWeight(weight, outChannels * inPerGroup * kH * kW, '[Cout, Cin/groups, kH, kW]');
  checkEntries(outChannels * outH * outW * inPerGroup * kH * kW);
  const entries: MatrixEntry[] = [];
  for (let co = 0; co < outChannels; co++) {
    const g = Math.floor(co / outPerGroup);
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const row = (co * outH + oy) * outW + ox;
        for (let c = 0; c < inPerGroup; c++) {
          const ci = g * inPerGroup + c;
          for (let ky = 0; ky < kH; ky++) {
            const iy = oy * strideH - pad.top + ky * dilationH;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kW; kx++) {
              const ix = ox * strideW - pad.left + kx * dilationW;
              if (ix < 0 || ix >= inW) continue;
              const wIndex = ((co * inPerGroup + c) * kH + ky) * kW + kx;
              entries.push({
                row, col: (ci * inH + iy) * inW + ix, value: weight[wIndex], wIndex, ky, kx,
                rowChannel: co, rowY: oy, rowX: ox, colChannel: ci, colY: iy, colX: ix,
              });
            }
          }
        }
      }
    }
  }
  // Channel-then-(ky, kx) order is already column order within a row; the sort states the
  // contract and costs one linear pass on sorted input.
  entries.sort(byRowThenCol);
  return {
    kind: 'conv',
    rows: outChannels * outH * outW,
    cols: inChannels * inH * inW,
    rowGrid: { channels: outChannels, h: outH, w: outW },
    colGrid: { channels: inChannels, h: inH, w: inW },
    entries,
  };
}

/**
 * Cᵀ of transposed convolution `info` with `weight` `[Cin, Cout/g, kH, kW]`:
 * (Cout·outH·outW) × (Cin·inH·inW). It is the transpose of the C of the convolution with the
 * same weight, kernel, stride, padding and dilation that maps an outH×outW input to inH×inW
 * (the weight layouts coincide: the conv's [out, in/g] is the transposed conv's [in, out/g]).
 * Cells the padding crops store nothing. Allocates the entry list.
 */
export function convTransposeMatrix(info: ConvTranspose2DInfo, weight: ArrayLike<number>): ConvMatrix {
  const { inChannels, inH, inW, outChannels, outH, outW, inPerGroup, outPerGroup, kH, kW, strideH, strideW, dilationH, dilationW, pad } = info;
  checkWeight(weight, inChannels * outPerGroup * kH * kW, '[Cin, Cout/groups, kH, kW]');
  checkEntries(inChannels * inH * inW * outPerGroup * kH * kW);
  const entries: MatrixEntry[] = [];
  for (let ci = 0; ci < inChannels; ci++) {
    const g = Math.floor(ci / inPerGroup);
    for (let iy = 0; iy < inH; iy++) {
      for (let ix = 0; ix < inW; ix++) {
        const col = (ci * inH + iy) * inW + ix;
        for (let cj = 0; cj < outPerGroup; cj++) {
          const co = g * outPerGroup + cj;
          for (let ky = 0; ky < kH; ky++) {
            const oy = iy * strideH - pad.top + ky * dilationH;
            if (oy < 0 || oy >= outH) continue;
            for (let kx = 0; kx < kW; kx++) {
              const ox = ix * strideW - pad.left + kx * dilationW;
              if (ox < 0 || ox >= outW) continue;
              const wIndex = ((ci * outPerGroup + cj) * kH + ky) * kW + kx;
              entries.push({
                row: (co * outH + oy) * outW + ox, col, value: weight[wIndex], wIndex, ky, kx,
                rowChannel: co, rowY: oy, rowX: ox, colChannel: ci, colY: iy, colX: ix,
              });
            }
          }
        }
      }
    }
  }
  entries.sort(byRowThenCol);
  return {
    kind: 'convTranspose',
    rows: outChannels * outH * outW,
    cols: inChannels * inH * inW,
    rowGrid: { channels: outChannels, h: outH, w: outW },
    colGrid: { channels: inChannels, h: inH, w: inW },
    entries,
  };
}

/**
 * Mᵀ: rows and columns (and their cells) swapped, re-sorted by row. The transpose of a 'conv'
 * matrix is a 'convTranspose' one and back. Allocates a new entry list.
 */
export function transposeMatrix(m: ConvMatrix): ConvMatrix {
  const entries = m.entries.map((e) => ({
    row: e.col, col: e.row, value: e.value, wIndex: e.wIndex, ky: e.ky, kx: e.kx,
    rowChannel: e.colChannel, rowY: e.colY, rowX: e.colX, colChannel: e.rowChannel, colY: e.rowY, colX: e.rowX,
  }));
  entries.sort(byRowThenCol);
  return {
    kind: m.kind === 'conv' ? 'convTranspose' : 'conv',
    rows: m.cols,
    cols: m.rows,
    rowGrid: m.colGrid,
    colGrid: m.rowGrid,
    entries,
  };
}

/**
 * The dense rows × cols matrix, row-major, zeros where nothing is stored. For small sizes
 * (the view shows up to 6×6 inputs); refuses more than the tensor element limit. Allocates rows·cols numbers.
 */
export function denseMatrix(m: ConvMatrix): Float64Array {
  numel([m.rows, m.cols], 'matrix');
  const out = new Float64Array(m.rows * m.cols);
  for (const e of m.entries) out[e.row * m.cols + e.col] = e.value;
  return out;
}

/**
 * M·v for one batch item: v holds `cols` values (the item's NCHW slice of the input), the
 * result `rows` values (its slice of the output, bias excluded). Allocates the result.
 */
export function matVec(m: ConvMatrix, v: ArrayLike<number>): Float64Array {
  if (v.length !== m.cols) {
    throw new ShapeError(
      'data-length',
      'x',
      `The matrix has ${m.cols} columns, so the vector must hold ${m.cols} values (one batch item, channels flattened); it holds ${v.length}.`,
      { expected: m.cols, got: v.length },
    );
  }
  const out = new Float64Array(m.rows);
  for (const e of m.entries) out[e.row] += e.value * v[e.col];
  return out;
}
