/**
 * The bridge between the store and the engine client (src/store/engineBridge.ts): a valid choice
 * gets its picture, an impossible one keeps the last picture (issue 3: "the last valid picture
 * stays"), and when choices change quickly only the newest one's numbers land.
 * Expected numbers come from issue 3's worked example or from a convolution loop written here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectEngine } from '../../src/store/engineBridge';
import { loadQuery, selectValues, useStore, type State } from '../../src/store';
import type { Picture } from '../../src/store/resultsSlice';
import { createEngineClient, type EngineClient, type WorkerLike } from '../../src/worker/client';
import type { FromWorker, WorkerRequest } from '../../src/worker/protocol';
import { respond } from '../../src/worker/respond';
import { infoOf } from '../explored';

const initial = useStore.getInitialState();
let disconnect: (() => void) | null = null;
const unsubscribe: (() => void)[] = [];
beforeEach(() => useStore.setState(initial, true));
afterEach(() => {
  disconnect?.();
  disconnect = null;
  unsubscribe.splice(0).forEach((f) => f());
});

const get = (): State => useStore.getState();
const flush = () => new Promise<void>((r) => setTimeout(r, 0)).then(() => new Promise<void>((r) => setTimeout(r, 0)));
const outputOf = (p: Picture | null) => (p ? Array.from(p.numbers.output.data) : null);

/** PyTorch convolution, stride s, no padding, one channel: written here from the definition. */
function refConv(x: readonly number[], w: readonly number[], n: number, k: number, s: number): number[] {
  const o = Math.floor((n - k) / s) + 1;
  const out: number[] = [];
  for (let r = 0; r < o; r++)
    for (let c = 0; c < o; c++) {
      let acc = 0;
      for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) acc += x[(r * s + u) * n + c * s + v] * w[u * k + v];
      out.push(acc);
    }
  return out;
}

/** Records every picture the store receives. */
function recordPictures(): Picture[] {
  const seen: Picture[] = [];
  unsubscribe.push(
    useStore.subscribe((s, prev) => {
      if (s.picture && s.picture !== prev.picture) seen.push(s.picture);
    }),
  );
  return seen;
}

describe('connectEngine with the main-thread client', () => {
  it("shows the picture of a valid choice: issue 3's ?op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=ones gives [[4,6,4],[6,9,6],[4,6,4]]", async () => {
    loadQuery('?op=conv&fw=tf&in=5&k=3&s=2&p=same&vals=ones');
    disconnect = connectEngine(createEngineClient());
    expect(get().pending).toBe(true);
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    expect(outputOf(get().picture)).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
    expect(get().picture?.numbers.output.shape).toEqual([1, 1, 3, 3]);
    expect(get().pending).toBe(false);
    expect(get().engineError).toBeNull();
  });

  it('a new valid choice replaces the picture with its own numbers', async () => {
    disconnect = connectEngine(createEngineClient());
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    get().change({ in: [7, 7], s: [2, 2], vals: 'rand', seed: 3 });
    await vi.waitFor(() => expect(infoOf(get().picture!.explored).inH).toBe(7));
    const { x, w } = selectValues(get());
    expect(get().picture?.x).toEqual(x);
    expect(get().picture?.w).toEqual(w);
    const got = outputOf(get().picture) ?? [];
    const ref = refConv(x, w, 7, 3, 2);
    expect(got).toHaveLength(ref.length);
    got.forEach((v, i) => expect(v).toBeCloseTo(ref[i], 12));
  });

  it('an impossible choice keeps the previous picture and asks the engine nothing', async () => {
    const client = createEngineClient();
    const spy = vi.spyOn(client, 'latest');
    disconnect = connectEngine(client);
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    const before = get().picture;
    const calls = spy.mock.calls.length;
    get().change({ in: [3, 3], k: [7, 7] }); // kernel larger than the input: refused
    await flush();
    expect(get().picture).toBe(before);
    expect(spy.mock.calls.length).toBe(calls);
    expect(get().engineError).toBeNull();
    // back to a valid choice: a new picture comes
    get().change({ k: [2, 2] });
    await vi.waitFor(() => expect(infoOf(get().picture!.explored).kH).toBe(2));
    expect(get().picture).not.toBe(before);
  });

  it('state changes that are not params (hover, steps) do not ask again', async () => {
    const client = createEngineClient();
    const spy = vi.spyOn(client, 'latest');
    disconnect = connectEngine(client);
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    const calls = spy.mock.calls.length;
    get().setStep('conv', 2);
    get().setHover({ grid: 'output', row: 1, col: 1 });
    await flush();
    expect(spy.mock.calls.length).toBe(calls);
  });

  it('params that change no number (the transposed view shown) do not ask again', async () => {
    loadQuery('?op=convT&in=3&k=3&s=2');
    const client = createEngineClient();
    const spy = vi.spyOn(client, 'latest');
    disconnect = connectEngine(client);
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    const calls = spy.mock.calls.length;
    get().change({ view: 'direct' });
    await flush();
    expect(spy.mock.calls.length).toBe(calls);
    get().change({ s: [1, 1] });
    await flush();
    expect(spy.mock.calls.length).toBe(calls + 1);
  });

  it('two quick changes: only the latter one’s numbers land', async () => {
    disconnect = connectEngine(createEngineClient());
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    const seen = recordPictures();
    get().change({ in: [6, 6] });
    get().change({ in: [8, 8] });
    await vi.waitFor(() => expect(infoOf(get().picture!.explored).inH).toBe(8));
    await flush();
    expect(seen.map((p) => infoOf(p.explored).inH)).toEqual([8]);
  });
});

/** A worker double whose answers the test releases in any order. */
class HeldWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  readonly inbox: WorkerRequest[] = [];
  postMessage(m: WorkerRequest): void {
    this.inbox.push(m);
  }
  terminate(): void {}
  answer(index: number): void {
    const [req] = this.inbox.splice(index, 1);
    this.onmessage?.(new MessageEvent('message', { data: structuredClone(respond(req).message) }));
  }
}

describe('connectEngine with a worker that answers out of order', () => {
  it('the newest request wins even when the older answer arrives last', async () => {
    const worker = new HeldWorker();
    const client: EngineClient = createEngineClient({ createWorker: () => worker });
    disconnect = connectEngine(client);
    worker.answer(0);
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    const seen = recordPictures();
    get().change({ in: [6, 6] });
    get().change({ in: [9, 9] });
    expect(worker.inbox).toHaveLength(2);
    worker.answer(1); // the newer (9×9) first
    await vi.waitFor(() => expect(infoOf(get().picture!.explored).inH).toBe(9));
    worker.answer(0); // then the older (6×6)
    await flush();
    expect(infoOf(get().picture!.explored).inH).toBe(9);
    expect(seen.map((p) => infoOf(p.explored).inH)).toEqual([9]);
    expect(get().pending).toBe(false);
  });

  it('going back to a recent setting shows its picture at once, without asking the worker; a late answer to the setting left meanwhile does not replace it', async () => {
    const worker = new HeldWorker();
    disconnect = connectEngine(createEngineClient({ createWorker: () => worker }));
    worker.answer(0);
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    const first = get().picture;
    const height = infoOf(first!.explored).inH;
    get().change({ in: [height + 2, height + 2] });
    worker.answer(0);
    await vi.waitFor(() => expect(infoOf(get().picture!.explored).inH).toBe(height + 2));
    // Typed back while the next question (one row more) is still on its way.
    get().change({ in: [height + 3, height + 3] });
    expect(worker.inbox).toHaveLength(1);
    get().change({ in: [height, height] });
    expect(worker.inbox).toHaveLength(1);
    expect(get().picture).toBe(first);
    expect(get().pending).toBe(false);
    worker.answer(0);
    await flush();
    expect(get().picture).toBe(first);
  });

  it('a failure that is not the learner’s shows as engineError and keeps the picture', async () => {
    const worker = new HeldWorker();
    disconnect = connectEngine(createEngineClient({ createWorker: () => worker }));
    worker.answer(0);
    await vi.waitFor(() => expect(get().picture).not.toBeNull());
    const before = get().picture;
    get().change({ in: [6, 6] });
    const req = worker.inbox.splice(0, 1)[0];
    worker.onmessage?.(new MessageEvent('message', { data: { id: req.id, ok: false, error: { name: 'RangeError', message: 'out of memory' } } }));
    await vi.waitFor(() => expect(get().engineError?.message).toBe('out of memory'));
    expect(get().picture).toBe(before);
    expect(get().pending).toBe(false);
  });
});
