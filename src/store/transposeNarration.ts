/**
 * The transposed convolution's narrators (see narration.ts), registered when the transposed
 * views load: the scatter says which input cell stamps the kernel where, the direct form says
 * each of its stages with their sizes and then each output cell's sum, as the convolution does.
 */
import { step } from '../engine';
import { addMessages } from '../i18n';
import { enNarration } from '../i18n/en-narration';
import { formatValue } from '../viz/format';
import { registerNarrator, sumLine, type NarrationLine, type Narrator } from './narration';
import { selectTransposePlans } from './transposePlans';

const scatterNarrator: Narrator = (s, at) => {
  const plans = selectTransposePlans(s);
  const picture = s.picture;
  if (!plans || !picture) return null;
  const { scatter } = plans;
  const current = step(scatter, at);
  const first = current.terms[0];
  const inside = current.terms.filter((term) => !term.cropped);
  const where = { row: current.source.iy + 1, col: current.source.ix + 1, co: scatter.info.outChannels > 1 ? scatter.outChannel + 1 : 0 };
  const value = formatValue(first ? picture.x[first.xIndex] : 0);
  if (inside.length === 0) return { key: 'narr.scatterCropped', vars: { ...where, value } };
  const rows = inside.map((term) => term.oy + 1);
  const cols = inside.map((term) => term.ox + 1);
  const span = { r0: Math.min(...rows), r1: Math.max(...rows), c0: Math.min(...cols), c1: Math.max(...cols) };
  const several = scatter.inputChannels.length > 1;
  return { key: several ? 'narr.scatterChannels' : 'narr.scatter', vars: { ...where, ...span, value } };
};

const directNarrator: Narrator = (s, at): NarrationLine | null => {
  const plans = selectTransposePlans(s);
  const picture = s.picture;
  if (!plans || !picture || picture.numbers.op !== 'convT') return null;
  const { direct } = plans;
  const current = step(direct, at);
  switch (current.kind) {
    case 'zero-insert':
      return {
        key: 'narr.insert',
        vars: { zh: current.zerosBetweenH, zw: current.zerosBetweenW, h: current.inH, w: current.inW, H: current.zeroH, W: current.zeroW },
      };
    case 'kernel':
      return {
        key: 'narr.kernel',
        vars: {
          kh: current.kH, kw: current.kW,
          top: current.top.value, bottom: current.bottom.value, left: current.left.value, right: current.right.value,
          h: current.zeroH, w: current.zeroW, H: current.paddedH, W: current.paddedW,
        },
      };
    default:
      return sumLine(current, direct, picture.x, picture.w, picture.numbers.directOutput.data);
  }
};

addMessages(enNarration);
registerNarrator('scatter', scatterNarrator);
registerNarrator('direct', directNarrator);
