/** Three buttons that jump to the start of each phase; the current phase is marked. */
import { t } from '../../i18n';
import { useStore } from '../../store';
import type { UnpoolPhase } from '../../viz/unpoolLooks';

const LABELS = { pool: 'unpool.phase.pool', unpool: 'unpool.phase.unpool', compare: 'unpool.phase.compare' } as const;
const ORDER: readonly UnpoolPhase[] = ['pool', 'unpool', 'compare'];

export interface PhaseNavProps {
  readonly phase: UnpoolPhase;
  /** The first step of each phase. */
  readonly starts: Readonly<Record<UnpoolPhase, number>>;
}

export function PhaseNav({ phase, starts }: PhaseNavProps) {
  const setStep = useStore((s) => s.setStep);
  return (
    <div className="unpool__phases" role="group" aria-label={t('unpool.phases')}>
      {ORDER.map((p) => (
        <button
          key={p}
          type="button"
          className="unpool__phase"
          aria-current={p === phase ? 'step' : undefined}
          onClick={() => setStep('unpool', starts[p])}
        >
          {t(LABELS[p])}
        </button>
      ))}
    </div>
  );
}
