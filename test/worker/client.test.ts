/**
 * The engine client (src/worker/client.ts) with test-double workers: objects implementing
 * WorkerLike that hold the requests they receive and answer when the test says so, through the
 * same `respond` the real worker runs and a structured clone (what crossing a thread does).
 * Expected numbers come from calling the engine directly, in the test, with the same arguments.
 */
import { describe, expect, it } from 'vitest';
import { computeExplore, isShapeError, ShapeError, type ExploreNumbers, type ExploreSpec } from '../../src/engine';
import { createEngineClient, type WorkerLike } from '../../src/worker/client';
import { transferables, type FromWorker, type WorkerRequest, type WorkerResponse } from '../../src/worker/protocol';
import { respond } from '../../src/worker/respond';
import { toWire, fromWire } from '../../src/worker/wire';

/** A worker double: keeps what it is sent; `answer` replies to one request the way the worker file does. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  readonly inbox: WorkerRequest[] = [];
  terminated = false;

  postMessage(message: WorkerRequest): void {
    this.inbox.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers the request with this id (default: the oldest unanswered one). */
  answer(id: number = this.inbox[0].id): WorkerResponse {
    const at = this.inbox.findIndex((r) => r.id === id);
    const [req] = this.inbox.splice(at, 1);
    const { message, transfer } = respond(req);
    const wire = structuredClone(message, { transfer });
    this.onmessage?.(new MessageEvent('message', { data: wire }));
    return wire;
  }

  crash(): void {
    this.onerror?.(new Event('error'));
  }
}

/** A createWorker that hands out fresh doubles and remembers them. */
function factory() {
  const made: FakeWorker[] = [];
  return {
    made,
    createWorker: () => {
      const w = new FakeWorker();
      made.push(w);
      return w;
    },
  };
}

const conv = (inSize: number, stride = 1): ExploreSpec => ({
  op: 'conv', fw: 'torch', input: [inSize, inSize], kernel: [3, 3], stride: [stride, stride], padding: [0, 0],
  dilation: [1, 1], outputPadding: [0, 0], outputShape: null,
});
const ramp = (n: number) => Array.from({ length: n }, (_, i) => (i % 5) - 2);
const args = (inSize: number, stride = 1) => [conv(inSize, stride), ramp(inSize * inSize), ramp(9)] as const;
/** What the engine computes for `args(inSize, stride)`, as a plain array. */
const want = (inSize: number, stride = 1) => Array.from(computeExplore(...args(inSize, stride)).output.data);
const out = (n: ExploreNumbers) => Array.from(n.output.data);

/** Lets queued promise callbacks and zero-delay timers (the main-thread fallback) run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0)).then(() => new Promise<void>((r) => setTimeout(r, 0)));

describe('ids', () => {
  it('each request gets its own id and each response settles the request with that id, in any order', async () => {
    const f = factory();
    const client = createEngineClient({ createWorker: f.createWorker });
    expect(client.mode()).toBe('worker');
    const a = client.call('explore', ...args(5));
    const b = client.call('explore', ...args(6));
    const c = client.call('explore', ...args(7, 2));
    const w = f.made[0];
    const ids = w.inbox.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    w.answer(ids[2]);
    w.answer(ids[0]);
    w.answer(ids[1]);
    expect(out(await a)).toEqual(want(5));
    expect(out(await b)).toEqual(want(6));
    expect(out(await c)).toEqual(want(7, 2));
  });

  it('a response with an unknown id is ignored', async () => {
    const f = factory();
    const client = createEngineClient({ createWorker: f.createWorker });
    const a = client.call('explore', ...args(5));
    const w = f.made[0];
    w.onmessage?.(new MessageEvent('message', { data: { id: 9999, ok: true, value: 'nonsense' } }));
    w.answer();
    expect(out(await a)).toEqual(want(5));
  });
});

describe('latest', () => {
  it('a superseded request resolves stale, the newest one delivers its value', async () => {
    const f = factory();
    const client = createEngineClient({ createWorker: f.createWorker });
    const first = client.latest('explore', ...args(5));
    const second = client.latest('explore', ...args(6));
    const w = f.made[0];
    // answer the newest first, then the old one: the old one must still come back stale
    w.answer(w.inbox[1].id);
    w.answer(w.inbox[0].id);
    const [r1, r2] = await Promise.all([first, second]);
    expect(r1).toEqual({ stale: true });
    expect(r2.stale).toBe(false);
    if (!r2.stale) expect(out(r2.value)).toEqual(want(6));
  });

  it('a superseded request that fails resolves stale instead of rejecting; the newest failure rejects', async () => {
    const f = factory();
    const client = createEngineClient({ createWorker: f.createWorker });
    const bad = conv(2); // kernel 3 on input 2: a ShapeError
    const first = client.latest('explore', bad, ramp(4), ramp(9));
    const second = client.latest('explore', bad, ramp(4), ramp(9));
    f.made[0].answer();
    f.made[0].answer();
    expect(await first).toEqual({ stale: true });
    await expect(second).rejects.toBeInstanceOf(ShapeError);
  });

  it('plain calls do not supersede each other', async () => {
    const client = createEngineClient();
    const [a, b] = await Promise.all([client.call('explore', ...args(5)), client.call('explore', ...args(6))]);
    expect(out(a)).toEqual(want(5));
    expect(out(b)).toEqual(want(6));
  });
});

describe('crashes', () => {
  it('a crash terminates the worker, starts a new one and re-sends the pending requests', async () => {
    const f = factory();
    const client = createEngineClient({ createWorker: f.createWorker });
    const a = client.call('explore', ...args(5));
    const b = client.call('explore', ...args(6));
    const sent = f.made[0].inbox.map((r) => r.id);
    f.made[0].answer(sent[0]); // a is done before the crash
    f.made[0].crash();
    expect(f.made[0].terminated).toBe(true);
    expect(f.made).toHaveLength(2);
    expect(f.made[1].inbox.map((r) => r.id)).toEqual([sent[1]]); // only b is re-sent
    expect(client.mode()).toBe('worker');
    f.made[1].answer();
    expect(out(await a)).toEqual(want(5));
    expect(out(await b)).toEqual(want(6));
    // an error event from the old, replaced worker changes nothing
    f.made[0].crash();
    expect(f.made).toHaveLength(2);
  });

  it('after maxRestarts crashes the main thread answers', async () => {
    const f = factory();
    const client = createEngineClient({ createWorker: f.createWorker, maxRestarts: 2 });
    const a = client.call('explore', ...args(5));
    f.made[0].crash();
    f.made[1].crash();
    expect(f.made).toHaveLength(3);
    expect(client.mode()).toBe('worker');
    f.made[2].crash();
    expect(f.made).toHaveLength(3); // no fourth worker
    expect(client.mode()).toBe('main');
    expect(out(await a)).toEqual(want(5));
    // later requests run on the main thread too
    expect(out(await client.call('explore', ...args(7)))).toEqual(want(7));
    expect(f.made.every((w) => w.terminated)).toBe(true);
  });

  it('maxRestarts 0: the first crash hands over to the main thread', async () => {
    const f = factory();
    const client = createEngineClient({ createWorker: f.createWorker, maxRestarts: 0 });
    const a = client.call('explore', ...args(6));
    f.made[0].crash();
    expect(f.made).toHaveLength(1);
    expect(out(await a)).toEqual(want(6));
  });
});

describe('starting a worker', () => {
  it('createWorker throwing → fallbackWorker is used, requests made meanwhile reach it', async () => {
    const fallback = new FakeWorker();
    let fallbackCalls = 0;
    const client = createEngineClient({
      createWorker: () => {
        throw new Error('SecurityError: sandboxed iframe');
      },
      fallbackWorker: () => {
        fallbackCalls++;
        return Promise.resolve(fallback);
      },
    });
    const a = client.call('explore', ...args(5));
    await settle();
    expect(fallbackCalls).toBe(1);
    expect(client.mode()).toBe('worker');
    expect(fallback.inbox).toHaveLength(1);
    fallback.answer();
    expect(out(await a)).toEqual(want(5));
    const b = client.call('explore', ...args(6));
    expect(fallback.inbox).toHaveLength(1);
    fallback.answer();
    expect(out(await b)).toEqual(want(6));
  });

  it('createWorker throwing and fallbackWorker rejecting → the main thread answers', async () => {
    const client = createEngineClient({
      createWorker: () => {
        throw new Error('no Worker');
      },
      fallbackWorker: () => Promise.reject(new Error('no blob worker either')),
    });
    const a = client.call('explore', ...args(5));
    expect(out(await a)).toEqual(want(5));
    expect(client.mode()).toBe('main');
  });

  it('createWorker throwing and fallbackWorker throwing synchronously → the main thread answers', async () => {
    const make = () =>
      createEngineClient({
        createWorker: () => {
          throw new Error('no Worker');
        },
        fallbackWorker: () => {
          throw new Error('no blob worker either');
        },
      });
    expect(make).not.toThrow();
    const client = make();
    expect(out(await client.call('explore', ...args(5)))).toEqual(want(5));
    expect(client.mode()).toBe('main');
  });

  it('no createWorker at all → main thread', async () => {
    const client = createEngineClient();
    expect(client.mode()).toBe('main');
    expect(out(await client.call('explore', ...args(5)))).toEqual(want(5));
  });

  it('dispose rejects what is pending and every later call, and terminates the worker', async () => {
    const f = factory();
    const client = createEngineClient({ createWorker: f.createWorker });
    const a = client.call('explore', ...args(5));
    client.dispose();
    await expect(a).rejects.toThrow(/disposed/);
    await expect(client.call('explore', ...args(5))).rejects.toThrow(/disposed/);
    expect(f.made[0].terminated).toBe(true);
  });
});

describe('errors across the wire', () => {
  /** The ShapeError the engine throws for these arguments, caught here. */
  function engineError(spec: ExploreSpec, x: number[], w: number[]): ShapeError {
    try {
      computeExplore(spec, x, w);
    } catch (e) {
      if (isShapeError(e)) return e;
    }
    throw new Error('expected the engine to refuse');
  }

  const impossible: readonly [ExploreSpec, number[], number[]][] = [
    [conv(2), ramp(4), ramp(9)],
    [{ ...conv(3), op: 'convT', fw: 'tf', stride: [2, 2], padding: 'SAME', outputShape: [10, 10] }, ramp(9), ramp(9)],
    [{ ...conv(3), op: 'convT', stride: [2, 2], outputPadding: [0, 3] }, ramp(9), ramp(9)],
  ];

  for (const [spec, x, w] of impossible) {
    const local = engineError(spec, x, w);
    it(`a ShapeError (${local.code}, ${local.param}) keeps code, param, details and message through a worker`, async () => {
      const f = factory();
      const client = createEngineClient({ createWorker: f.createWorker });
      const p = client.call('explore', spec, x, w);
      f.made[0].answer();
      const e = await p.then(() => null, (err: unknown) => err);
      expect(isShapeError(e)).toBe(true);
      if (!isShapeError(e)) return;
      expect({ code: e.code, param: e.param, details: e.details, message: e.message, name: e.name }).toEqual({
        code: local.code, param: local.param, details: local.details, message: local.message, name: 'ShapeError',
      });
    });
  }

  it('…and through the main-thread fallback', async () => {
    const local = engineError(conv(2), ramp(4), ramp(9));
    const e = await createEngineClient().call('explore', conv(2), ramp(4), ramp(9)).then(() => null, (err: unknown) => err);
    expect(isShapeError(e) && [e.code, e.param]).toEqual([local.code, local.param]);
  });

  it('other errors keep their name and message and do not become ShapeErrors', () => {
    const e = new TypeError('boom');
    const back = fromWire(structuredClone(toWire(e)));
    expect(isShapeError(back)).toBe(false);
    expect([back.name, back.message]).toEqual(['TypeError', 'boom']);
    expect(fromWire(toWire('a string')).message).toBe('a string');
  });

  it('an unknown method is answered with an error, not a throw', () => {
    const bad: WorkerRequest = { id: 3, method: 'explore', args: [conv(5), ramp(25), ramp(9)] };
    Reflect.set(bad, 'method', 'nope'); // what a stale page could send to a newer worker
    const r = respond(bad);
    expect(r.message).toMatchObject({ id: 3, ok: false });
  });
});

describe('transferables', () => {
  it("every typed array of a convT response is listed once (the worker hands over the buffers, no copies)", () => {
    const spec: ExploreSpec = { ...conv(3), op: 'convT', stride: [2, 2] };
    const { message, transfer } = respond({ id: 1, method: 'explore', args: [spec, ramp(9), ramp(9)] });
    if (!message.ok) throw new Error('expected a value');
    const value = message.value as ExploreNumbers;
    if (value.op !== 'convT') throw new Error('expected convT numbers');
    const tensors = [value.output, value.full, value.zeroInserted, value.padded, value.flippedWeight, value.directOutput, value.roundTrip, value.adjoint.probe, value.adjoint.image];
    const arrays = [...tensors.map((t) => t.data), ...(value.matrix ? Object.values(value.matrix).filter((v) => ArrayBuffer.isView(v)) : [])];
    const buffers = new Set(arrays.map((a) => a.buffer));
    expect(transfer).toHaveLength(buffers.size);
    for (const b of buffers) expect(transfer).toContain(b);
  });

  it('finds buffers at any depth, lists a shared buffer once, and ignores plain values', () => {
    const shared = new Float64Array(4);
    const ints = new Int32Array(2);
    const v = { a: shared, b: [ints, { c: shared.subarray(1) }], n: 3, s: 'x', z: null };
    const list = transferables(v);
    expect(list).toHaveLength(2);
    expect(list).toContain(shared.buffer);
    expect(list).toContain(ints.buffer);
    expect(transferables({ n: 1, s: 'x' })).toEqual([]);
  });

  it('an error response transfers nothing', () => {
    expect(respond({ id: 1, method: 'explore', args: [conv(2), ramp(4), ramp(9)] }).transfer).toEqual([]);
  });
});

describe('recycling a result’s buffers', () => {
  it('posts them to the worker as a transfer (the worker’s pool takes them); on the main thread nothing happens', () => {
    const sent: { message: unknown; transfer?: Transferable[] }[] = [];
    const client = createEngineClient({
      createWorker: () => {
        const w = new FakeWorker();
        w.postMessage = (message: WorkerRequest, transfer?: Transferable[]) => void sent.push({ message, transfer });
        return w;
      },
    });
    const buffers = [new ArrayBuffer(8), new ArrayBuffer(16)];
    client.recycle(buffers);
    expect(sent).toEqual([{ message: { recycle: buffers }, transfer: buffers }]);
    client.dispose();
    const onMain = createEngineClient();
    expect(() => onMain.recycle([new ArrayBuffer(8)])).not.toThrow();
    expect(onMain.mode()).toBe('main');
  });
});
