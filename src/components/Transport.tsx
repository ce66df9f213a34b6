/**
 * Play/pause, first/previous/next/last, a scrubber and the speed, for one view's animation.
 * The keyboard shortcuts (Space, ←/→, Home/End) live in useKeyboard and drive the active view.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n';
import { useStore } from '../store';
import { SPEEDS, type ViewId } from '../store/playbackSlice';

export interface TransportProps {
  readonly view: ViewId;
  /** Number of steps (≥ 1). */
  readonly count: number;
}

/**
 * Advances the playing view with the clock (components/player.ts, loaded when an animation first
 * plays); stops at the last step.
 */
function usePlayTimer(view: ViewId, count: number) {
  const { playing, speed } = useStore(useShallow((s) => ({ playing: s.playing === view, speed: s.speed })));
  useEffect(() => {
    if (!playing) return;
    let stop: (() => void) | null = null;
    let left = false;
    void import('../store/player').then((m) => {
      if (!left) stop = m.play(view, count, speed);
    });
    return () => {
      left = true;
      stop?.();
    };
  }, [playing, speed, view, count]);
}

/** Icons drawn as SVG paths: the media-control characters are missing from many fonts. */
const ICONS = {
  first: 'M3 2h2v12H3zM14 2v12L6 8z',
  prev: 'M12 2v12L4 8z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  next: 'M4 2v12l8-6z',
  last: 'M11 2h2v12h-2zM2 2v12l8-6z',
} as const;

function Icon({ shape }: { shape: keyof typeof ICONS }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={ICONS[shape]} fill="currentColor" />
    </svg>
  );
}

export function Transport({ view, count }: TransportProps) {
  usePlayTimer(view, count);
  const { step, playing, speed, setStep, setPlaying, play, setSpeed } = useStore(
    useShallow((s) => ({
      step: Math.min(s.steps[view], count - 1),
      playing: s.playing === view,
      speed: s.speed,
      setStep: s.setStep,
      setPlaying: s.setPlaying,
      play: s.play,
      setSpeed: s.setSpeed,
    })),
  );
  const go = (i: number) => setStep(view, Math.max(0, Math.min(count - 1, i)));
  const togglePlay = () => (playing ? setPlaying(null) : play(view, count));
  return (
    <div className="transport" role="group" aria-label={t('transport.label')}>
      <button type="button" onClick={() => go(0)} aria-label={t('transport.first')} disabled={step === 0}>
        <Icon shape="first" />
      </button>
      <button type="button" onClick={() => go(step - 1)} aria-label={t('transport.prev')} disabled={step === 0}>
        <Icon shape="prev" />
      </button>
      <button type="button" onClick={togglePlay} aria-label={playing ? t('transport.pause') : t('transport.play')} aria-pressed={playing}>
        <Icon shape={playing ? 'pause' : 'play'} />
      </button>
      <button type="button" onClick={() => go(step + 1)} aria-label={t('transport.next')} disabled={step >= count - 1}>
        <Icon shape="next" />
      </button>
      <button type="button" onClick={() => go(count - 1)} aria-label={t('transport.last')} disabled={step >= count - 1}>
        <Icon shape="last" />
      </button>
      <label className="transport__scrub">
        <span className="visually-hidden">{t('transport.scrub')}</span>
        <input type="range" min={0} max={Math.max(0, count - 1)} value={step} onChange={(e) => go(Number(e.target.value))} />
      </label>
      {/* Not a live region: the page's narration (Narration.tsx) says the step and what it computes. */}
      <span className="transport__pos">{t('transport.position', { i: step + 1, n: count })}</span>
      <label className="transport__speed">
        <span>{t('transport.speed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>{v}×</option>
          ))}
        </select>
      </label>
    </div>
  );
}
