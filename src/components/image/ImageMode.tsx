/**
 * Image mode (op=image): a sample picture or the learner's own (file picker, drop, paste; it
 * never leaves the browser and never enters the address) through a convolution, the ×2
 * transposed convolutions side by side with their overlap maps, or pooling and unpooling —
 * computed by the engine in the worker (progress, cancel), drawn on canvases that zoom together
 * until pixels are cells. A pixel opens the numeric explorer on the 8×8 patch around it.
 * Loaded on demand, with its words (en-image.ts) and styles.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { isShapeError, pixelValues, resultBuffers, samePlace, type ImageJobResult, type ImagePlanes } from '../../engine';
import { addMessages, errorText, t, type MessageKey } from '../../i18n';
import { enImage } from '../../i18n/en-image';
import { useStore } from '../../store';
import { engineClient } from '../../store/engineBridge';
import type { PictureRef } from '../../worker/picture';
import { explorerPatch, imageJobSpec, imageKernel, ownKernelPatch, taskPatch, withKernelValue } from '../../store/imageParams';
import type { SizeKey } from '../../store/paramsSlice';
import { BOUNDS, KERNEL_NAMES, SAMPLES, type HW, type ImageColor, type ImageTask, type KernelName, type Pool, type Sample } from '../../store/urlParams';
import { formatValue } from '../../viz/format';
import type { ZoomTransform } from '../../viz/imageView';
import { HWField } from '../controls/HWField';
import { RadioGroup } from '../controls/RadioGroup';
import { Grid } from '../Grid';
import { ImageIntro } from './ImageIntro';
import { ImageView, loadZoom } from './ImageView';
import './image.css';

addMessages(enImage);

/** A picture, as the worker knows it (it decodes the file and keeps the pixels), and where it came from. */
interface Source {
  readonly ref: PictureRef;
  /** A sample's name, or null for the learner's own picture. */
  readonly sample: Sample | null;
}

/** The learner's own picture, with the size it is used at. */
interface Own extends Source {
  readonly width: number;
  readonly height: number;
}

/** The worker's name for each new picture file (it keeps the last few decoded by it). */
let pictures = 0;
const pictureRef = (blob: Blob): PictureRef => ({ id: ++pictures, blob });

/** What a job is for: the picture, the settings and the learner's "Compute again" (a new object whenever one of them changes). */
interface JobFor {
  readonly source: Source | null;
  readonly specKey: string;
  readonly again: number;
}

/** A job's state, for the picture and settings it was started for (`job`): the page shows only the current one's. */
type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly job: JobFor; /** The job's number (its progress bar starts again at 0 for each). */ readonly serial: number }
  | { readonly state: 'done'; readonly job: JobFor; readonly result: ImageJobResult; readonly ms: number }
  | { readonly state: 'cancelled'; readonly job: JobFor }
  | { readonly state: 'failed'; readonly job: JobFor | null; readonly message: string };

const FIT: ZoomTransform = { k: 1, x: 0, y: 0 };

// The ×2 comparison's overlap maps (the panel's map and the transposed convolution's plans) load
// only once that comparison is chosen, not with image mode's first picture.
const loadOverlap = () => import('./ImageOverlap');
const ImageOverlap = lazy(() => loadOverlap().then((m) => ({ default: m.ImageOverlap })));

const sampleUrl = (name: Sample) => `${import.meta.env.BASE_URL}samples/${name}.png`;

/** The running job's progress bar: the worker's reports re-render it alone, not the whole of image mode. */
function JobProgress({ feed, label }: { readonly feed: RefObject<((fraction: number) => void) | null>; readonly label: string }) {
  const [fraction, setFraction] = useState(0);
  useLayoutEffect(() => {
    feed.current = setFraction;
    return () => {
      feed.current = null;
    };
  }, [feed]);
  return <progress max={1} value={fraction} aria-label={label} />;
}

export function ImageMode() {
  const params = useStore((s) => s.params);
  const change = useStore((s) => s.change);
  const [source, setSource] = useState<Source | null>(null);
  const [own, setOwn] = useState<Own | null>(null);
  const [note, setNote] = useState<{ key: MessageKey; vars?: Record<string, number> } | null>(null);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [again, setAgain] = useState(0);
  const [transform, setTransform] = useState<ZoomTransform>(FIT);
  const [cursors, setCursors] = useState<Readonly<Record<string, [number, number]>>>({});
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const ids = { desc: useId(), error: useId(), sample: useId(), kernel: useId() };

  // The sample named in the address, unless the learner opened their own picture.
  useEffect(() => {
    if (own) {
      setSource(own);
      return;
    }
    let live = true;
    setSource(null);
    setRun((r) => (r.state === 'failed' && r.job === null ? { state: 'idle' } : r));
    fetch(sampleUrl(params.img))
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((blob) => {
        // The worker decodes it, with the job (a file it cannot read fails the job).
        if (live) setSource({ ref: pictureRef(blob), sample: params.img });
      })
      .catch((e: unknown) => {
        if (live) setRun({ state: 'failed', job: null, message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [params.img, own]);

  // A new picture starts fitted (a render only when it was not).
  useEffect(() => {
    setTransform(FIT);
    setCursors((cs) => (Object.keys(cs).length > 0 ? {} : cs));
  }, [source]);

  // The zoom's code comes while the picture loads and the job runs, not before image mode's first paint.
  useEffect(() => {
    void loadZoom();
  }, []);

  // Fetched while the comparison's job runs, so its maps come with its pictures.
  useEffect(() => {
    if (params.task === 'convT') void loadOverlap();
  }, [params.task]);

  const spec = useMemo(() => imageJobSpec(params), [params]);
  const specKey = JSON.stringify(spec);

  // The job: the newest picture and settings win; an older job still running is cancelled, and
  // what a job reports counts only for the picture and settings it was started for (`forJob`),
  // so a late answer can never stand for newer settings, nor an older result be shown as theirs.
  const forJob = useMemo<JobFor>(() => ({ source, specKey, again }), [source, specKey, again]);
  // The result the page last drew: from the render that starts the next job on, nothing shows it
  // (the run is not that job's), so its buffers go back to the worker for the next results.
  const drawn = useRef<ImageJobResult | null>(null);
  const serial = useRef(0);
  const progressFeed = useRef<((fraction: number) => void) | null>(null);
  useEffect(() => {
    const client = engineClient();
    if (!forJob.source || !client) return;
    if (drawn.current) client.recycle(resultBuffers(drawn.current));
    drawn.current = null;
    setRun({ state: 'running', job: forJob, serial: ++serial.current });
    let live = true;
    // The progress goes to the bar alone: image mode renders once when a job starts and once with its result.
    const job = client.job('image', [JSON.parse(forJob.specKey), forJob.source.ref], (fraction) => {
      if (live) progressFeed.current?.(fraction);
    });
    cancelRef.current = () => {
      job.cancel();
      setRun({ state: 'cancelled', job: forJob });
    };
    job.promise.then(
      ({ value, ms }) => {
        if (!live) return client.recycle(resultBuffers(value));
        drawn.current = value;
        setRun({ state: 'done', job: forJob, result: value, ms });
      },
      (e: unknown) => {
        if (!live || (e instanceof Error && e.name === 'AbortError')) return;
        setRun({ state: 'failed', job: forJob, message: isShapeError(e) ? errorText(e) : e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
      job.cancel();
      cancelRef.current = null;
    };
  }, [forJob]);
  // The run of the current picture and settings (a sample that failed to load stands until another loads).
  const current: Run = run.state === 'idle' || run.job === forJob || (run.job === null && !source) ? run : { state: 'idle' };

  // The learner's own picture: the worker decodes it (and keeps it for the jobs); the page learns its size, or that it is no picture.
  const openFile = useCallback(async (file: File | undefined | null) => {
    const client = engineClient();
    if (!file || !client) return;
    const ref = pictureRef(file);
    try {
      const { value: d } = await client.job('picture', [ref]).promise;
      setNote(d.width !== d.width0 || d.height !== d.height0 ? { key: 'image.uploadScaled', vars: { w0: d.width0, h0: d.height0, w: d.width, h: d.height } } : null);
      setOwn({ ref, sample: null, width: d.width, height: d.height });
    } catch {
      setNote({ key: 'image.uploadBad' });
    }
  }, []);

  // Paste a picture anywhere on the page while image mode is open.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [role="grid"]')) return;
      const file = Array.from(e.clipboardData?.files ?? []).find((f) => f.type.startsWith('image/'));
      if (file) {
        e.preventDefault();
        void openFile(file);
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [openFile]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(Array.from(e.dataTransfer.files).find((f) => f.type.startsWith('image/')) ?? e.dataTransfer.files[0]);
  };

  const hw = (field: SizeKey, value: HW, label?: string) => (
    <HWField
      field={field}
      label={label}
      value={value}
      bounds={BOUNDS[field]}
    />
  );

  const kernel = imageKernel(params);
  const own_ = params.kern === 'own';
  const pad: HW = typeof params.p === 'string' ? [0, 0] : params.p;
  const sizeText = (v: HW) => (v[0] === v[1] ? String(v[0]) : `${v[0]} × ${v[1]}`);
  const sampleText = source?.sample ? t(`image.describe.${source.sample}`) : t('image.describe.own');

  const what = (id: string, image: ImagePlanes): string => {
    switch (id) {
      case 'input':
        return `${t('image.what.input')} ${sampleText}`;
      case 'conv':
        return t('image.what.conv', { kernel: t(`image.kern.${params.kern}`), s: sizeText(params.s), p: sizeText(pad), d: sizeText(params.d) });
      case 'k3':
      case 'k4':
        return t(`image.what.${id}`);
      case 'pooled':
        return t('image.what.pooled', { pool: t(`image.pool.${params.pool}`), k: sizeText(params.k), s: sizeText(params.s) });
      default:
        return t('image.what.unpooled', { w: image.width, h: image.height });
    }
  };

  const result = current.state === 'done' ? current.result : null;
  const views = result ? [{ id: 'input', image: result.input }, ...result.outputs] : [];

  const pick = (id: string, image: ImagePlanes, rc: [number, number]) => {
    if (!result) return;
    const [r, c] = samePlace(rc[0], rc[1], [image.height, image.width], [result.input.height, result.input.width]);
    change(explorerPatch(params, result.input, r, c, id === 'k3' ? 3 : 4));
  };

  const cursorText = (() => {
    const entry = Object.entries(cursors).at(-1);
    const view = entry && views.find((v) => v.id === entry[0]);
    if (!entry || !view) return '';
    const [r, c] = entry[1];
    const values = pixelValues(view.image, r, c).map(formatValue).join(', ');
    return t('image.pixel', { name: t(`image.view.${view.id}` as MessageKey), r, c, values });
  })();

  return (
    <section
      className={dragging ? 'image-mode image-mode--drop' : 'image-mode'}
      aria-labelledby={`${ids.desc}-title`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <ImageIntro titleId={`${ids.desc}-title`} />

      <div className="image-mode__settings">
        <div className="image-mode__source">
          <label className="controls__hw-label" htmlFor={ids.sample}>{t('image.picture')}</label>
          <select
            id={ids.sample}
            className="controls__select"
            value={own ? 'own' : params.img}
            onChange={(e) => {
              if (e.target.value === 'own') return;
              setOwn(null);
              setNote(null);
              change({ img: e.target.value as Sample });
            }}
          >
            {SAMPLES.map((name) => (
              <option key={name} value={name}>{t(`image.sample.${name}`)}</option>
            ))}
            {own ? <option value="own">{t('image.sample.own', { w: own.width, h: own.height })}</option> : null}
          </select>
          <button type="button" className="image-mode__button" onClick={() => fileInput.current?.click()}>
            {t('image.upload')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('image.upload')}
            onChange={(e) => {
              void openFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <p className="image-mode__hint">{t('image.uploadHint')}</p>
          {note ? <p className="image-mode__note" role="status">{t(note.key, note.vars)}</p> : null}
        </div>

        <RadioGroup<ImageTask>
          legend={t('image.task')}
          value={params.task}
          options={(['conv', 'convT', 'pool'] as const).map((v) => ({ value: v, label: t(`image.task.${v}`) }))}
          onChange={(task) => change(taskPatch(task))}
        />
        <RadioGroup<ImageColor>
          legend={t('image.color')}
          value={params.color}
          options={(['rgb', 'grey'] as const).map((v) => ({ value: v, label: t(`image.color.${v}`) }))}
          onChange={(color) => change({ color })}
        />

        {params.task === 'conv' ? (
          <div className="image-mode__kernel">
            <label className="controls__hw-label" htmlFor={ids.kernel}>{t('image.kernel')}</label>
            <select
              id={ids.kernel}
              className="controls__select"
              value={params.kern}
              onChange={(e) => {
                const kern = e.target.value as KernelName;
                change(kern === 'own' ? ownKernelPatch(params) : { kern, w: null });
              }}
            >
              {KERNEL_NAMES.map((name) => (
                <option key={name} value={name}>{t(`image.kern.${name}`)}</option>
              ))}
            </select>
            <Grid
              name={t('image.kernelGrid')}
              rows={kernel.k[0]}
              cols={kernel.k[1]}
              value={(r, c) => kernel.values[r * kernel.k[1] + c]}
              maxCell={2.6}
              onEdit={own_ ? (r, c, v) => change({ w: withKernelValue(params, r, c, v) }) : undefined}
            />
            {own_ ? <p className="image-mode__hint">{t('image.ownHint')}</p> : null}
          </div>
        ) : null}
        {params.task === 'pool' ? (
          <RadioGroup<Pool>
            legend={t('image.pooling')}
            value={params.pool}
            options={[{ value: 'max', label: t('ch.pool.max') }, { value: 'avg', label: t('ch.pool.avg') }]}
            onChange={(pool) => change({ pool })}
          />
        ) : null}
        {params.task !== 'convT' ? (
          <div className="controls__sizes image-mode__sizes">
            {params.task === 'pool' ? hw('k', params.k, t('image.size.k')) : own_ ? hw('k', params.k) : null}
            {hw('s', params.s)}
            {hw('p', pad)}
            {params.task === 'conv' ? hw('d', params.d) : null}
          </div>
        ) : null}
      </div>

      <div className="image-mode__status" aria-live="polite">
        {current.state === 'running' || (current.state === 'idle' && !source) ? (
          <>
            <span>{t(source ? 'image.progress' : 'image.loading')}</span>
            {source ? <JobProgress key={current.state === 'running' ? current.serial : 0} feed={progressFeed} label={t('image.progress')} /> : null}
            {source ? (
              <button type="button" className="image-mode__button" onClick={() => cancelRef.current?.()}>
                {t('image.cancel')}
              </button>
            ) : null}
          </>
        ) : null}
        {current.state === 'done' ? <span data-ms={current.ms.toFixed(1)}>{t('image.time', { ms: Math.round(current.ms) })}</span> : null}
        {current.state === 'cancelled' ? (
          <>
            <span>{t('image.cancelled')}</span>
            <button type="button" className="image-mode__button" onClick={() => setAgain((n) => n + 1)}>
              {t('image.again')}
            </button>
          </>
        ) : null}
      </div>
      {current.state === 'failed' ? <p id={ids.error} className="app__engine-error" role="alert">{t('image.failed', { message: current.message })}</p> : null}

      {params.task === 'convT' ? <p className="image-mode__text">{t('image.convT.intro')}</p> : null}
      {params.task === 'pool' ? <p className="image-mode__text">{t('image.pool.intro')}</p> : null}

      {views.length > 0 ? (
        <>
          <p className="image-mode__hint">{t('image.zoomHint')}</p>
          <div className={`image-mode__views image-mode__views--${views.length}`}>
            {views.map(({ id, image }) => {
              const name = t(`image.view.${id}` as MessageKey);
              const vars = { name, w: image.width, h: image.height, min: formatValue(image.min), max: formatValue(image.max) };
              return (
                <div key={id} className="image-mode__view">
                  <ImageView
                    name={name}
                    caption={t(image.offset ? 'image.captionOffset' : 'image.caption', vars)}
                    description={`${t('image.describeView', { ...vars, what: what(id, image) })} ${t('image.keys')}`}
                    image={image}
                    transform={transform}
                    onTransform={setTransform}
                    cursor={cursors[id] ?? null}
                    onCursor={(rc) => setCursors((cs) => ({ ...Object.fromEntries(Object.entries(cs).filter(([k]) => k !== id)), [id]: rc }))}
                    onPick={(rc) => pick(id, image, rc)}
                  />
                  {id === 'k3' || id === 'k4' ? (
                    <Suspense fallback={null}>
                      <ImageOverlap k={id === 'k3' ? 3 : 4} name={t('image.overlap', { k: id === 'k3' ? 3 : 4 })} />
                    </Suspense>
                  ) : null}
                </div>
              );
            })}
          </div>
          <p className="image-mode__hint" aria-live="polite">{cursorText}</p>
          {views.some((v) => v.image.min < 0 || v.image.max > 255) ? <p className="image-mode__hint">{t('image.clipped')}</p> : null}
        </>
      ) : null}
      {dragging ? <p className="image-mode__drop">{t('image.drop')}</p> : null}
      <p className="image-mode__credit">{t('image.credit')}</p>
    </section>
  );
}
