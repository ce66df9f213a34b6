/**
 * The picture of the current operation with its transport (each view draws its own), or why
 * there is none yet: what every layout of the page shows, the standalone page and the embedded
 * one alike. Views other than the convolution load on demand, so the first page stays light.
 */
import { lazy, Suspense } from 'react';
import { isShapeError } from '../engine';
import { errorText, t } from '../i18n';
import { selectValidated, useStore } from '../store';
import { ConvView } from './ConvView';

const TransposeViews = lazy(() => import('./TransposeViews').then((m) => ({ default: m.TransposeViews })));
const UnpoolView = lazy(() => import('./UnpoolView').then((m) => ({ default: m.UnpoolView })));
// Image mode (op=image) is one chunk of its own: its canvases, zoom, words and styles.
const ImageMode = lazy(() => import('./image/ImageMode').then((m) => ({ default: m.ImageMode })));

export function Stage() {
  const op = useStore((s) => s.picture?.explored.op ?? null);
  const image = useStore((s) => s.params.op === 'image');
  const engineError = useStore((s) => s.engineError);
  // Before any picture, an impossible first choice leaves nothing to draw: say so instead of "Computing…".
  const impossible = useStore((s) => !selectValidated(s).ok);
  const loading = <p className="app__loading">{t(impossible ? 'app.nothingYet' : 'loading')}</p>;
  return (
    <>
      {engineError ? (
        <p className="app__engine-error" role="alert">
          {t('worker.failed', { message: isShapeError(engineError) ? errorText(engineError) : engineError.message })}
        </p>
      ) : null}
      <Suspense fallback={loading}>
        {image ? <ImageMode /> : op === null ? loading : op === 'conv' ? <ConvView /> : op === 'convT' ? <TransposeViews /> : <UnpoolView />}
      </Suspense>
    </>
  );
}
