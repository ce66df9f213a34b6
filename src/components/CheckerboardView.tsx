/**
 * The checkerboard of a transposed convolution: how many kernel taps land on each output cell
 * (the length of the engine's scatterSources for that cell: index relations, no arithmetic),
 * as a heat map. The overlap is even only when the kernel size is divisible by the stride; the
 * panel says whether it is, why, and how to fix it. For a convolution it explains that the
 * pattern belongs to the transposed convolution and offers a one-click switch.
 */
import { useMemo } from 'react';
import { addMessages, listOf, t } from '../i18n';
import { enPanels } from '../i18n/en-panels';
import { useStore } from '../store';
import type { ConvTransposeScatterPlan } from '../engine';
import { selectTransposePlans } from '../store/transposePlans';
import { BOUNDS } from '../store/urlParams';
import { valueColor } from '../viz/color';
import { divisible, evenKernel, interiorCounts, overlapCounts, overlapLook, overlapValue } from '../viz/matrixLooks';
import { Grid } from './Grid';
import { GridSlot } from './views/GridSlot';
import { Legend } from './views/Legend';

// The panels load on demand, so their words come with them rather than with the first page.
addMessages(enPanels);

const MAX_CELL = 2.4;

export function CheckerboardView() {
  const op = useStore((s) => s.picture?.explored.op ?? null);
  const change = useStore((s) => s.change);
  if (op === 'conv') {
    return (
      <div className="checkerboard">
        <p className="checkerboard__text">{t('checker.conv')}</p>
        <button type="button" className="checkerboard__button" onClick={() => change({ op: 'convT' })}>
          {t('checker.switch')}
        </button>
      </div>
    );
  }
  return op === 'convT' ? <PictureOverlap /> : null;
}

/** The overlap map of the transposed convolution on screen. */
function PictureOverlap() {
  const plans = useStore(selectTransposePlans);
  return plans ? <OverlapMap plan={plans.scatter} /> : null;
}

export interface OverlapMapProps {
  readonly plan: ConvTransposeScatterPlan;
  /** The grid's accessible name (default: the panel's). */
  readonly name?: string;
  /** The grid and its verdict only, no rule and no fix to try (image mode explains its fixed comparison once for both maps). */
  readonly brief?: boolean;
}

/** The overlap map of one transposed convolution's plan, with the verdict and the rule (the panel's, and image mode's ×2 comparison). */
export function OverlapMap({ plan, name, brief = false }: OverlapMapProps) {
  const change = useStore((s) => s.change);
  const overlap = useMemo(() => (plan ? overlapCounts(plan) : null), [plan]);
  const view = useMemo(() => {
    if (!overlap) return null;
    let max = 0;
    for (const n of overlap.counts) max = Math.max(max, n);
    return {
      value: overlapValue(overlap),
      look: overlapLook(overlap),
      color: valueColor(max),
      interior: interiorCounts(overlap),
    };
  }, [overlap]);
  if (!overlap || !view) return null;
  const { kH, kW, strideH, strideW, dilationH, dilationW, outChannels } = plan.info;
  const even = view.interior.length === 1;
  const fixH = evenKernel(kH, strideH, BOUNDS.k.max);
  const fixW = evenKernel(kW, strideW, BOUNDS.k.max);
  const axes = [
    { axis: t('formula.height'), k: kH, s: strideH },
    { axis: t('formula.width'), k: kW, s: strideW },
  ];

  return (
    <div className="checkerboard">
      {brief ? null : <p className="checkerboard__text">{t('checker.intro')}</p>}
      {/* No steps here: the outlined interior is not a window to follow. */}
      <GridSlot cols={overlap.cols} maxCell={MAX_CELL} follow={false}>
        <Grid
          name={name ?? t('panels.grid.overlap')}
          rows={overlap.rows}
          cols={overlap.cols}
          value={view.value}
          look={view.look}
          color={view.color}
          maxCell={MAX_CELL}
        />
      </GridSlot>
      {outChannels > 1 ? <p className="checkerboard__note">{t('checker.sameForChannels')}</p> : null}
      <p className={`checkerboard__verdict checkerboard__verdict--${even ? 'even' : 'uneven'}`} role="status">
        {view.interior.length === 0
          ? t('checker.noInterior')
          : even
            ? t('checker.even', { n: view.interior[0] })
            : t('checker.uneven', { counts: listOf(view.interior) })}
      </p>
      {brief ? null : (
        <>
          <p className="checkerboard__text">{t('checker.rule')}</p>
          <ul className="checkerboard__axes">
            {axes.map((a) => (
              <li key={a.axis}>{t(divisible(a.k, a.s) ? 'checker.axisYes' : 'checker.axisNo', a)}</li>
            ))}
          </ul>
          {dilationH > 1 || dilationW > 1 ? <p className="checkerboard__note">{t('checker.dilated')}</p> : null}
          <p className="checkerboard__text">{t(even ? 'checker.fixed' : 'checker.fix')}</p>
          {!even && dilationH === 1 && dilationW === 1 && fixH !== null && fixW !== null && (fixH !== kH || fixW !== kW) ? (
            <button type="button" className="checkerboard__button" onClick={() => change({ k: [fixH, fixW] })}>
              {t('checker.try', { kh: fixH, kw: fixW })}
            </button>
          ) : null}
        </>
      )}
      <Legend items={[{ swatch: 'window', label: 'checker.legendInterior' }]} />
    </div>
  );
}
