/** Random URL values and whole valid Params, shared by the store's property tests. */
import fc from 'fast-check';
import { BOUNDS, KERNEL_NAMES, PANELS, SAMPLES, type HW, type Params } from '../../src/store/urlParams';

export const hwArb = (b: { min: number; max: number }): fc.Arbitrary<HW> =>
  fc.oneof(
    fc.integer(b).map((n): HW => [n, n]),
    fc.tuple(fc.integer(b), fc.integer(b)),
  );

/** A finite number a learner could type into a cell (−0 is the same cell value as 0, and the URL writes both as `0`). */
const cellArb = fc.oneof(
  fc.integer({ min: -99, max: 99 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((v) => !Object.is(v, -0)),
);

/** Every valid Params: padding spelled as numbers with PyTorch, SAME/VALID with TensorFlow. */
export const paramsArb: fc.Arbitrary<Params> = fc
  .record({
    op: fc.constantFrom('conv', 'convT', 'unpool' as const),
    fw: fc.constantFrom('torch', 'tf' as const),
    in: hwArb(BOUNDS.in),
    k: hwArb(BOUNDS.k),
    s: hwArb(BOUNDS.s),
    d: hwArb(BOUNDS.d),
    a: hwArb(BOUNDS.a),
    out: fc.option(hwArb(BOUNDS.out), { nil: null }),
    vals: fc.constantFrom('ones', 'int', 'rand' as const),
    seed: fc.integer(BOUNDS.seed),
    step: fc.integer(BOUNDS.step),
    view: fc.constantFrom('scatter', 'direct' as const),
    panel: fc.constantFrom(...PANELS),
    pool: fc.constantFrom('max', 'avg' as const),
    g: fc.integer(BOUNDS.g),
    cinPer: fc.integer({ min: 1, max: 4 }),
    coutPer: fc.integer({ min: 1, max: 4 }),
    customX: fc.boolean(),
    customW: fc.boolean(),
    img: fc.constantFrom(...SAMPLES),
    task: fc.constantFrom('conv', 'convT', 'pool' as const),
    kern: fc.constantFrom(...KERNEL_NAMES),
    color: fc.constantFrom('rgb', 'grey' as const),
  })
  .map((r) => {
    // Channel counts stay within bounds and divisible by the groups.
    const g = Math.min(r.g, 4);
    const per = Math.floor(4 / g);
    return { ...r, g, cin: g * Math.min(r.cinPer, per), cout: g * Math.min(r.coutPer, per) };
  })
  .chain((r) =>
    fc.record({
      p: r.fw === 'tf' ? fc.constantFrom<Params['p']>('same', 'valid') : hwArb(BOUNDS.p),
      x: r.customX ? fc.array(cellArb, { minLength: r.cin * r.in[0] * r.in[1], maxLength: r.cin * r.in[0] * r.in[1] }) : fc.constant(null),
      w:
        r.customW && r.op !== 'unpool'
          ? fc.array(cellArb, { minLength: (r.cin * r.cout / r.g) * r.k[0] * r.k[1], maxLength: (r.cin * r.cout / r.g) * r.k[0] * r.k[1] })
          : fc.constant(null),
    }).map(({ p, x, w }): Params => ({
      op: r.op, fw: r.fw, in: r.in, k: r.k, s: r.s, p, d: r.d, a: r.a, out: r.out, cin: r.cin, cout: r.cout, g: r.g, pool: r.pool,
      img: r.img, task: r.task, kern: r.kern, color: r.color, vals: r.vals, seed: r.seed, x, w, step: r.step, view: r.view, panel: r.panel, preset: null,
    })),
  );
