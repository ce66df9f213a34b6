/**
 * The picture of the current operation with its transport (each view draws its own), or why
 * there is none: what every layout of the page shows, the standalone page and the embedded
 * one alike. An impossible choice the page can draw (a refused output_shape, a kernel larger
 * than the padded input) shows the picture of why (ImpossiblePicture) above the last valid
 * picture, if there is one; another one keeps the last picture, or, when there is none yet, says
 * what is not possible. Views other than the
 * convolution load on demand, so the first page stays light.
 */
import { lazy, Suspense } from 'react';
import { afterPaint } from '../afterPaint';
import { isShapeError } from '../engine';
import { errorText, t } from '../i18n';
import { selectValidated, useStore } from '../store';
import { drawsRefusal } from '../viz/refusals';
import { ConvView } from './ConvView';
import { ImageIntro } from './image/ImageIntro';
import { MorePanels } from './MorePanels';

const TransposeViews = lazy(() => import('./TransposeViews').then((m) => ({ default: m.TransposeViews })));
const UnpoolView = lazy(() => import('./UnpoolView').then((m) => ({ default: m.UnpoolView })));
// Image mode (op=image) is one chunk of its own: its canvases, zoom, words and styles. It is
// asked for once the heading and introduction are on screen, so the first paint never waits
// for it (nor for its script's evaluation, its layout, its picture).
const ImageMode = lazy(() => new Promise<void>((resolve) => afterPaint(resolve)).then(() => import('./image/ImageMode')).then((m) => ({ default: m.ImageMode })));
const ImpossiblePicture = lazy(() => import('./ImpossiblePicture').then((m) => ({ default: m.ImpossiblePicture })));

export interface StageProps {
  /** Whether the "more views" panels (MorePanels) follow the picture: they appear with it, never before it (which would shift them down the page). */
  readonly panels?: boolean;
}

export function Stage({ panels = false }: StageProps) {
  const op = useStore((s) => s.picture?.explored.op ?? null);
  const image = useStore((s) => s.params.op === 'image');
  const engineError = useStore((s) => s.engineError);
  const refusal = useStore((s) => {
    const v = selectValidated(s);
    return v.ok ? null : v.error;
  });
  const drawn = refusal !== null && drawsRefusal(refusal);
  // Before any picture, an impossible first choice says what is not possible instead of "Computing…".
  const loading = <p className="app__loading">{refusal ? t('app.refused', { message: errorText(refusal) }) : t('loading')}</p>;
  return (
    <>
      {engineError ? (
        <p className="app__engine-error" role="alert">
          {t('worker.failed', { message: isShapeError(engineError) ? errorText(engineError) : engineError.message })}
        </p>
      ) : null}
      <Suspense fallback={loading}>
        {image ? (
          // Image mode's heading and introduction show at once, while the rest of it loads.
          <Suspense fallback={<section className="image-mode" aria-busy="true"><ImageIntro /></section>}>
            <ImageMode />
          </Suspense>
        ) : drawn ? <ImpossiblePicture error={refusal} /> : null}
        {image ? null : op === null ? (
          drawn ? null : loading
        ) : op === 'conv' ? (
          <ConvView />
        ) : op === 'convT' ? (
          <TransposeViews />
        ) : (
          <UnpoolView />
        )}
        {panels ? <MorePanels /> : null}
      </Suspense>
    </>
  );
}
