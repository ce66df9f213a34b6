/**
 * The page's half of an update (src/offline/register.ts, issue 10: "an update is offered, never
 * forced"): once the learner chose "Reload", the waiting version is asked to take over until it
 * is in charge, and the page reloads exactly once, whichever sign of it comes first.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyUpdate, ASK_AGAIN_MS } from '../../src/offline/register';

/** A waiting service worker and its container, as far as the page uses them. */
function fakes(state: ServiceWorkerState = 'installed') {
  const container = new EventTarget();
  const worker = Object.assign(new EventTarget(), {
    state,
    posted: [] as unknown[],
    postMessage(message: unknown) {
      this.posted.push(message);
    },
  });
  const become = (next: ServiceWorkerState) => {
    worker.state = next;
    worker.dispatchEvent(new Event('statechange'));
  };
  return { container, worker, become, sw: container as unknown as ServiceWorkerContainer, as: worker as unknown as ServiceWorker };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('applyUpdate', () => {
  it('asks the waiting version to take over, and again while it has not (a stopped worker may lose the message)', () => {
    const { sw, as, worker } = fakes();
    const reload = vi.fn();
    applyUpdate(sw, as, reload);
    expect(worker.posted).toEqual(['convarith:skip-waiting']);
    vi.advanceTimersByTime(ASK_AGAIN_MS * 2);
    expect(worker.posted).toHaveLength(3);
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads once when the new version controls the page, and stops asking', () => {
    const { sw, as, worker, container, become } = fakes();
    const reload = vi.fn();
    applyUpdate(sw, as, reload);
    container.dispatchEvent(new Event('controllerchange'));
    become('activated');
    vi.advanceTimersByTime(ASK_AGAIN_MS * 3);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(worker.posted).toHaveLength(1);
  });

  it('reloads when the new version is activated even if the page does not hear it take control', () => {
    const { sw, as, become } = fakes();
    const reload = vi.fn();
    applyUpdate(sw, as, reload);
    become('activating');
    expect(reload).not.toHaveBeenCalled();
    become('activated');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('stops asking a version that became redundant (a newer one replaced it), and does not reload for it', () => {
    const { sw, as, worker, become } = fakes();
    const reload = vi.fn();
    applyUpdate(sw, as, reload);
    become('redundant');
    vi.advanceTimersByTime(ASK_AGAIN_MS * 3);
    expect(worker.posted).toHaveLength(1);
    expect(reload).not.toHaveBeenCalled();
  });

  it('a version another tab already let take over: reload at once, nothing asked', () => {
    const { sw, as, worker } = fakes('activated');
    const reload = vi.fn();
    applyUpdate(sw, as, reload);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(worker.posted).toEqual([]);
  });
});
