/**
 * English words of the live region's narration for the lazily loaded views (the transposed
 * convolution's scatter and direct form, pooling and unpooling), added by their narration
 * modules when they load (the convolution's sentences are in en.ts). Rows and columns count from 1.
 */
export const enNarration = {
  'narr.scatter': 'Input row {row}, column {col} holds {value}: {value} times the kernel is added to output rows {r0} to {r1}, columns {c0} to {c1}',
  'narr.scatterChannels': 'Input row {row}, column {col} of every input channel: each value times its kernel is added to output rows {r0} to {r1}, columns {c0} to {c1}',
  'narr.scatterCropped': 'Input row {row}, column {col} holds {value}: its stamp lies outside the output, so the padding crops all of it away',
  'narr.insert': 'Insert zeros: {zh} between neighbouring rows and {zw} between neighbouring columns; the {h}×{w} input becomes {H}×{W}',
  'narr.kernel': 'Flip the {kh}×{kw} kernel by 180° and pad by p′ on each side (top {top}, bottom {bottom}, left {left}, right {right}; a negative value crops): {h}×{w} becomes {H}×{W}',
  'narr.poolMax': 'Pooled row {row}, column {col}: the largest of {values} is {result}, from input row {iy}, column {ix}',
  'narr.poolAvg': 'Pooled row {row}, column {col}: ({terms}) / {divisor} = {result}',
  'narr.unpoolMax': 'Pooled value {v} from row {iy}, column {ix} goes back to output row {oy}, column {ox}',
  'narr.unpoolAvg': 'Pooled value {v} from row {iy}, column {ix} is copied into output rows {r0} to {r1}, columns {c0} to {c1}',
  'narr.unpoolOutside': 'Pooled value {v} from row {iy}, column {ix} has no cell of its window inside the output',
} as const;
