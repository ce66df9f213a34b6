/**
 * Which of the engine's refusals the page draws as a picture of why (src/viz/impossible.ts,
 * loaded with the picture): an output_shape TensorFlow refuses, and a kernel (or pooling
 * window) larger than the padded input. Kept apart so the first page asks without loading them.
 */
import type { ShapeErrorLike } from '../i18n/shapeErrors';

export function drawsRefusal(e: Pick<ShapeErrorLike, 'code'> | null): boolean {
  return e !== null && (e.code === 'output-shape' || e.code === 'kernel-too-large');
}
