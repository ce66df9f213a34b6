/**
 * `npm run bench`: the engine's convolution and transposed convolution against
 * @tensorflow/tfjs-backend-cpu (float32) on the same work, in the same process.
 *
 * Built to plain JavaScript first and run under `node` (under a TypeScript loader tfjs runs
 * 30–40% slower, which would flatter the engine). The engine is timed through its public
 * `conv2d` / `convTranspose2d` (validation included); tfjs gets float32 NHWC tensors of the
 * same values, created once. Each round times the engine, then tfjs, then the plain six-loop
 * kernel (the engine's fallback, as a baseline), so drifts of the machine (turbo, other
 * processes) hit all three alike; the figures are medians over the rounds, after warm-up
 * rounds that let both JITs settle. Each call is timed twice: wall clock, and the process's
 * CPU time (user + system), which leaves out the time the machine gave to other processes,
 * so the figures stay comparable on a busy machine (it does count the JIT's and the garbage
 * collector's helper threads). Before timing, each benchmark checks that the three compute
 * the same numbers (up to float32 rounding and the NHWC layout) and prints the largest
 * difference, so the ratio compares the same work. Single-threaded throughout; the machine's
 * load is printed before and after. `BENCH_ROUNDS=n` changes the number of timed rounds
 * (default 25).
 */
import { availableParallelism, loadavg } from 'node:os';
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { convTranspose2d, convTranspose2dInfo } from '../src/engine/ops/convTranspose2d';
import { conv2d, conv2dInfo } from '../src/engine/ops/conv2d';
import { conv2dPath, conv2dPlain } from '../src/engine/kernels/conv2d';
import { convTranspose2dPath, convTranspose2dPlain } from '../src/engine/kernels/convTranspose2d';
import type { Tensor } from '../src/engine/tensor';

const WARMUP = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

/** Deterministic values in [−1, 1). */
function values(length: number, seed: number): Float64Array {
  const out = new Float64Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (s >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

/** NCHW data → NHWC float32 (tfjs's layout). */
function toNhwc(t: Tensor): Float32Array {
  const [n, c, h, w] = t.shape;
  const out = new Float32Array(t.data.length);
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) out[((b * h + y) * w + x) * c + ch] = t.data[((b * c + ch) * h + y) * w + x];
  return out;
}

/**
 * A weight [A, B, kH, kW] → tfjs filter [kH, kW, B, A]. Serves both benchmarks: conv2d's
 * [out, in, kH, kW] becomes tfjs's [kH, kW, in, out], and the transposed convolution's
 * [in, out, kH, kW] becomes conv2dTranspose's [kH, kW, out, in].
 */
function toFilter(t: Tensor): Float32Array {
  const [a, b, kh, kw] = t.shape;
  const out = new Float32Array(t.data.length);
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) out[((y * kw + x) * b + j) * a + i] = t.data[((i * b + j) * kh + y) * kw + x];
  return out;
}

/** Largest |engine − other|, the engine's exact values in NCHW, the other's in NHWC. */
function maxDiffNhwc(nchw: Tensor, nhwc: ArrayLike<number>): number {
  const [n, c, h, w] = nchw.shape;
  let m = 0;
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          m = Math.max(m, Math.abs(nchw.data[((b * c + ch) * h + y) * w + x] - nhwc[((b * h + y) * w + x) * c + ch]));
  return m;
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((p, q) => p - q);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Per-round milliseconds of each timed function: wall clock and CPU time. */
interface Times {
  wall: number[][];
  cpu: number[][];
}

/** Times `fns` round-robin. */
function interleave(fns: readonly (() => unknown)[]): Times {
  const times: Times = { wall: fns.map(() => []), cpu: fns.map(() => []) };
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    fns.forEach((fn, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      const dt = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (round >= WARMUP) {
        times.wall[i].push(dt);
        times.cpu[i].push((c.user + c.system) / 1000);
      }
    });
  }
  return times;
}

function machine(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min) on ${availableParallelism()} CPUs`;
}

/**
 * Float32 rounding of sums of a few hundred products of values in [−1, 1) stays near 1e-5;
 * a wrong layout or weight mapping would differ by whole units. Beyond these, the benchmark
 * would not be comparing the same arithmetic, so it says so and exits non-zero.
 */
const SAME_F32 = 1e-3;
const SAME_F64 = 1e-10;

function sameWork(engineVsTfjs: number, engineVsPlain: number): string {
  const ok = engineVsTfjs <= SAME_F32 && engineVsPlain <= SAME_F64;
  if (!ok) process.exitCode = 1;
  return (
    `max |engine − tfjs| = ${engineVsTfjs.toExponential(2)} (float32 rounding), ` +
    `max |engine − plain| = ${engineVsPlain.toExponential(2)}: ${ok ? 'same numbers' : 'OUTPUTS DIFFER, the comparison is void'}`
  );
}

function report(title: string, path: string, times: Times, same: string): void {
  const [engine, tfjs, plain] = times.wall.map(median);
  const [engineCpu, tfjsCpu, plainCpu] = times.cpu.map(median);
  const [engineBest, tfjsBest] = times.wall.map((t) => Math.min(...t));
  const ratio = tfjs / engine;
  const cpuRatio = tfjsCpu / engineCpu;
  const worst = Math.min(ratio, cpuRatio);
  const verdict = worst >= 5 ? 'goal met (≥ 5×)' : worst >= 3 ? 'above the 3× floor, below the 5× goal' : 'BELOW the 3× floor';
  const ms = (x: number) => `${x.toFixed(2).padStart(8)} ms`;
  const row = (name: string, wall: number, cpu: number) => console.log(`  ${name.padEnd(34)} ${ms(wall)} ${ms(cpu)}`);
  console.log(`\n${title}`);
  console.log(`  ${''.padEnd(34)} ${'wall'.padStart(11)} ${'CPU time'.padStart(11)}   (medians of ${ROUNDS} interleaved rounds)`);
  row(`engine (${path} kernel)`, engine, engineCpu);
  row('tfjs-backend-cpu, float32', tfjs, tfjsCpu);
  row('plain six-loop kernel (float64)', plain, plainCpu);
  console.log(`  tfjs / engine = ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU time  (${verdict});  plain / engine = ${(plain / engine).toFixed(2)}× wall, ${(plainCpu / engineCpu).toFixed(2)}× CPU`);
  console.log(`  fastest rounds: engine ${engineBest.toFixed(2)} ms, tfjs ${tfjsBest.toFixed(2)} ms, ratio ${(tfjsBest / engineBest).toFixed(2)}×`);
  console.log(`  same work: ${same}`);
}

function benchConv2d(): void {
  const x: Tensor = { shape: [1, 16, 128, 128], data: values(16 * 128 * 128, 1) };
  const w: Tensor = { shape: [16, 16, 3, 3], data: values(16 * 16 * 9, 2) };
  const opts = { padding: 1 } as const;
  const info = conv2dInfo(x, w, opts);
  const tx = tfc.tensor4d(toNhwc(x), [1, 128, 128, 16], 'float32');
  const tw = tfc.tensor4d(toFilter(w), [3, 3, 16, 16], 'float32');

  const engine = () => conv2d(x, w, opts).data;
  const tfjs = () => {
    const y = tfc.conv2d(tx, tw, 1, 'same');
    const d = y.dataSync();
    y.dispose();
    return d;
  };
  const plain = () => conv2dPlain(info, x.data, w.data);

  const out = conv2d(x, w, opts);
  const same = sameWork(maxDiffNhwc(out, tfjs()), maxDiff(out.data, plain()));
  report('conv2d 1×16×128×128, 3×3, 16→16, stride 1, padding 1 (tfjs: NHWC, same)', conv2dPath(info), interleave([engine, tfjs, plain]), same);
  tx.dispose();
  tw.dispose();
}

function benchConvTranspose2d(): void {
  const x: Tensor = { shape: [1, 16, 64, 64], data: values(16 * 64 * 64, 3) };
  const w: Tensor = { shape: [16, 16, 4, 4], data: values(16 * 16 * 16, 4) };
  const opts = { stride: 2, padding: 1 } as const;
  const info = convTranspose2dInfo(x, w, opts);
  const tx = tfc.tensor4d(toNhwc(x), [1, 64, 64, 16], 'float32');
  const tw = tfc.tensor4d(toFilter(w), [4, 4, 16, 16], 'float32');

  const engine = () => convTranspose2d(x, w, opts).data;
  const tfjs = () => {
    const y = tfc.conv2dTranspose(tx, tw, [1, 128, 128, 16], 2, 'same');
    const d = y.dataSync();
    y.dispose();
    return d;
  };
  const plain = () => convTranspose2dPlain(info, x.data, w.data);

  const out = convTranspose2d(x, w, opts);
  const same = sameWork(maxDiffNhwc(out, tfjs()), maxDiff(out.data, plain()));
  report(
    'convTranspose2d 1×16×64×64 → 1×16×128×128, 4×4, stride 2, padding 1 (tfjs: conv2dTranspose, outputShape [1,128,128,16], same)',
    convTranspose2dPath(info),
    interleave([engine, tfjs, plain]),
    same,
  );
  tx.dispose();
  tw.dispose();
}

async function main(): Promise<void> {
  await tfc.setBackend('cpu');
  await tfc.ready();
  console.log(`node ${process.version}, tfjs ${tfc.version_core} backend ${tfc.getBackend()}, ${WARMUP} warm-up + ${ROUNDS} rounds, interleaved`);
  console.log(`before: ${machine()}`);
  benchConv2d();
  benchConvTranspose2d();
  console.log(`\nafter: ${machine()}`);
}

void main();
