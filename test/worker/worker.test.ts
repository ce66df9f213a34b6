/**
 * A real round trip through the worker file (src/worker/engine.worker.ts), run by
 * @vitest/web-worker: the request goes in as a message, the handlers answer, the response comes
 * back as a message, through the typed client as the app uses it.
 */
import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { computeExplore, isShapeError, type ExploreNumbers, type ExploreSpec } from '../../src/engine';
import { createEngineClient, type EngineClient, type WorkerLike } from '../../src/worker/client';
import type { WorkerResponse } from '../../src/worker/protocol';

// Every test awaits its worker's answer before the next starts: @vitest/web-worker evaluates the
// worker module in this thread, and a worker terminated while its module is still loading can
// leave the next worker of the same file without its onmessage (seen as a 5 s timeout).
const clients: EngineClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));

function workerClient(): EngineClient {
  const client = createEngineClient({
    createWorker: () => new Worker(new URL('../../src/worker/engine.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike,
    maxRestarts: 0,
  });
  clients.push(client);
  return client;
}

const tfConv = (inSize: number): ExploreSpec => ({
  op: 'conv', fw: 'tf', input: [inSize, inSize], kernel: [3, 3], stride: [2, 2], padding: 'SAME',
  dilation: [1, 1], outputPadding: [0, 0], outputShape: null,
});
const ones = (n: number) => Array<number>(n).fill(1);
const out = (n: ExploreNumbers) => Array.from(n.output.data);

describe('engine.worker.ts through @vitest/web-worker', () => {
  it("issue 3's e2e example: TF conv of a 5×5 of ones, k3 s2 SAME → [[4,6,4],[6,9,6],[4,6,4]]", async () => {
    const client = workerClient();
    const r = await client.call('explore', tfConv(5), ones(25), ones(9));
    expect(client.mode()).toBe('worker'); // answered by the worker, not the main-thread fallback
    expect(r.output.shape).toEqual([1, 1, 3, 3]);
    expect(out(r)).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
    expect(r.output.data).toBeInstanceOf(Float64Array);
  });

  it("issue 3's second e2e example: with in=6 → [[9,9,6],[9,9,6],[6,6,4]]", async () => {
    const r = await workerClient().call('explore', tfConv(6), ones(36), ones(9));
    expect(out(r)).toEqual([9, 9, 6, 9, 9, 6, 6, 6, 4]);
  });

  it("issue 3's transposed example: TF convT in=3 k=3 s=2 SAME out=5 of ones is the outer product of [1,2,1,2,1]", async () => {
    const spec: ExploreSpec = { ...tfConv(3), op: 'convT', outputShape: [5, 5] };
    const r = await workerClient().call('explore', spec, ones(9), ones(9));
    const v = [1, 2, 1, 2, 1];
    expect(out(r)).toEqual(v.flatMap((a) => v.map((b) => a * b)));
    if (r.op !== 'convT') throw new Error('expected convT numbers');
    expect(Array.from(r.directOutput.data)).toEqual(out(r));
  });

  it('the numbers match the engine called on this thread (random values, convT)', async () => {
    const spec: ExploreSpec = { ...tfConv(4), op: 'convT', fw: 'torch', padding: [1, 1], outputPadding: [1, 0] };
    const x = Array.from({ length: 16 }, (_, i) => ((i * 7) % 11) / 4 - 1);
    const w = Array.from({ length: 9 }, (_, i) => ((i * 5) % 7) / 3 - 1);
    const local = computeExplore(spec, x, w);
    const remote = await workerClient().call('explore', spec, x, w);
    expect(remote.output.shape).toEqual(local.output.shape);
    expect(out(remote)).toEqual(out(local));
  });

  it('a ShapeError from the worker keeps its code, param and details', async () => {
    const spec: ExploreSpec = { ...tfConv(3), op: 'convT', outputShape: [10, 10] };
    let local: unknown = null;
    try {
      computeExplore(spec, ones(9), ones(9));
    } catch (e) {
      local = e;
    }
    if (!isShapeError(local)) throw new Error('expected the engine to refuse output_shape 10');
    const e = await workerClient().call('explore', spec, ones(9), ones(9)).then(() => null, (err: unknown) => err);
    expect(isShapeError(e)).toBe(true);
    if (!isShapeError(e)) return;
    expect([e.code, e.param]).toEqual(['output-shape', 'outputShape']);
    expect(e.details).toEqual(local.details);
    expect(e.message).toBe(local.message);
  });

  it('the raw message protocol: { id, method, args } in, { id, ok, value } out', async () => {
    const worker = new Worker(new URL('../../src/worker/engine.worker.ts', import.meta.url), { type: 'module' });
    const reply = new Promise<WorkerResponse>((resolve) => {
      worker.onmessage = (e: MessageEvent<WorkerResponse>) => resolve(e.data);
    });
    worker.postMessage({ id: 41, method: 'explore', args: [tfConv(5), ones(25), ones(9)] });
    const r = await reply;
    worker.terminate();
    expect(r.id).toBe(41);
    expect(r.ok).toBe(true);
  });
});
