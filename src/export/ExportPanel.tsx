/**
 * The export menu, loaded on the first click of "Download": the step on screen as PNG or SVG,
 * and a range of steps as an animated GIF made off the page's thread, with its progress and a
 * Cancel. What is drawn comes from the store (the picture and its plans) through frame.ts; the
 * files are named by fileName.ts. Esc or Close closes the menu (and cancels a GIF being made).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { addMessages, language, t } from '../i18n';
import { enExport } from '../i18n/en-export';
import { selectValidated, useStore, type State } from '../store';
import { DraftNote, NumberInput } from '../components/controls/NumberInput';
import { animationFileName, frameFileName } from './fileName';
import { currentStep, frameSource } from './frame';
import { Cancelled, gifBlob, pngBlob, saveBlob, svgBlob } from './exporter';
import { readPalette } from '../viz/palette';
import './export.css';

addMessages(enExport);

export interface ExportPanelProps {
  readonly onClose: () => void;
}

type Status = { readonly text: string; readonly error: boolean } | null;

const stepOnScreen = (s: State): number => {
  const source = frameSource(s);
  return source ? currentStep(s, source) : 0;
};

/** The page's colours now (styles.css's custom properties). */
const pagePalette = () => {
  const style = getComputedStyle(document.documentElement);
  return readPalette((property) => style.getPropertyValue(property));
};

export function ExportPanel({ onClose }: ExportPanelProps) {
  const count = useStore((s) => frameSource(s)?.count ?? 0);
  const step = useStore(stepOnScreen);
  const possible = useStore((s) => selectValidated(s).ok);
  const pending = useStore((s) => s.pending);
  const speed = useStore((s) => s.speed);
  // The GIF's range, 1-based as the transport counts (null: the first / the last step).
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<{ from?: string; to?: string }>({});
  const [running, setRunning] = useState<{ readonly done: number; readonly total: number } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const job = useRef<AbortController | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), fromNote: useId(), toNote: useId(), range: useId() };

  useEffect(() => {
    first.current?.focus();
    return () => job.current?.abort();
  }, []);

  const bounds = { min: 1, max: Math.max(1, count) };
  const a = Math.min(from ?? 1, bounds.max);
  const b = Math.min(to ?? bounds.max, bounds.max);
  const badRange = a > b;
  const delay = Math.round(1000 / speed);

  /** The source to draw from, or why there is none (said in the status line). */
  const ready = () => {
    const s = useStore.getState();
    const source = frameSource(s);
    if (!selectValidated(s).ok) setStatus({ text: t('export.impossible'), error: true });
    else if (s.pending || !source) setStatus({ text: t('export.busy'), error: true });
    else return { s, source };
    return null;
  };

  const failed = (e: unknown) => setStatus({ text: t('export.failed', { message: e instanceof Error ? e.message : String(e) }), error: true });

  const downloadFrame = async (ext: 'png' | 'svg') => {
    const got = ready();
    if (!got) return;
    const at = currentStep(got.s, got.source);
    const name = frameFileName(got.s.params, at, ext);
    try {
      const blob = ext === 'svg' ? svgBlob(got.source, at, language(), pagePalette()) : await pngBlob(got.source, at, language(), pagePalette());
      saveBlob(blob, name);
      setStatus({ text: t('export.saved', { file: name }), error: false });
    } catch (e) {
      failed(e);
    }
  };

  const downloadGif = async () => {
    const got = ready();
    if (!got || badRange) return;
    const controller = new AbortController();
    job.current = controller;
    const total = b - a + 1;
    setStatus(null);
    setRunning({ done: 0, total });
    try {
      const blob = await gifBlob(got.source, {
        from: a - 1, to: b - 1, lang: language(), palette: pagePalette(), delay, signal: controller.signal,
        onProgress: (done) => {
          if (!controller.signal.aborted) setRunning({ done, total });
        },
      });
      const name = animationFileName(got.s.params, a - 1, b - 1);
      saveBlob(blob, name);
      setStatus({ text: t('export.saved', { file: name }), error: false });
    } catch (e) {
      if (e instanceof Cancelled) setStatus({ text: t('export.cancelled'), error: false });
      else failed(e);
    } finally {
      if (job.current === controller) job.current = null;
      setRunning(null);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  const draft = (key: 'from' | 'to', text: string | null) => setDrafts((d) => ({ ...d, [key]: text ?? undefined }));
  const busy = running !== null;
  return (
    <div className="export-panel" role="group" aria-labelledby={ids.title} onKeyDown={onKey}>
      <div className="export-panel__head">
        <h2 className="export-panel__title" id={ids.title}>{t('export.title')}</h2>
        <button type="button" className="share__close" onClick={onClose}>{t('export.close')}</button>
      </div>
      <p className="export-panel__text">{t('export.frame', { step: t('transport.position', { i: step + 1, n: count }) })}</p>
      {/* Why the buttons are off: the settings are impossible (the picture is an older one), or it is being computed. */}
      {!possible || pending ? <p className="export-panel__status export-panel__status--error">{t(!possible ? 'export.impossible' : 'export.busy')}</p> : null}
      <div className="export-panel__row">
        <button ref={first} type="button" className="share__button" disabled={!possible || pending} onClick={() => void downloadFrame('png')}>{t('export.png')}</button>
        <button type="button" className="share__button" disabled={!possible || pending} onClick={() => void downloadFrame('svg')}>{t('export.svg')}</button>
      </div>
      <fieldset className="export-panel__gif" disabled={busy}>
        <legend>{t('export.gif.legend')}</legend>
        <div className="export-panel__row">
          <label className="export-panel__field">
            <span>{t('export.gif.from')}</span>
            <NumberInput value={a} bounds={bounds} draft={drafts.from} noteId={ids.fromNote} faulty={badRange} errorId={ids.range}
              onValue={setFrom} onDraft={(text) => draft('from', text)} />
          </label>
          <label className="export-panel__field">
            <span>{t('export.gif.to')}</span>
            <NumberInput value={b} bounds={bounds} draft={drafts.to} noteId={ids.toNote} faulty={badRange} errorId={ids.range}
              onValue={setTo} onDraft={(text) => draft('to', text)} />
          </label>
          <button type="button" className="share__button" disabled={!possible || pending || badRange || drafts.from !== undefined || drafts.to !== undefined}
            onClick={() => void downloadGif()}>{t('export.gif')}</button>
        </div>
        {drafts.from !== undefined ? <DraftNote id={ids.fromNote} field={t('export.gif.from')} bounds={bounds} /> : null}
        {drafts.to !== undefined ? <DraftNote id={ids.toNote} field={t('export.gif.to')} bounds={bounds} /> : null}
        {badRange ? <p id={ids.range} className="controls__bad">{t('export.badRange', { n: count })}</p> : null}
        <p className="export-panel__text">{t('export.gif.frames', { n: badRange ? 0 : b - a + 1, ms: delay })}</p>
      </fieldset>
      {running ? (
        <div className="export-panel__row">
          <progress className="export-panel__progress" max={running.total} value={running.done} aria-label={t('export.progress')}
            aria-valuetext={t('export.progress.text', { i: running.done, n: running.total })} />
          <span className="export-panel__count">{t('export.progress.text', { i: running.done, n: running.total })}</span>
          <button type="button" className="share__button" onClick={() => job.current?.abort()}>{t('export.cancel')}</button>
        </div>
      ) : null}
      <p className={`export-panel__status${status?.error ? ' export-panel__status--error' : ''}`} role={status?.error ? 'alert' : 'status'}>{status?.text ?? ''}</p>
    </div>
  );
}
