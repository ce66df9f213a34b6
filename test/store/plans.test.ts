/**
 * The plans are store selectors (src/store/plans.ts and the lazy views' plans modules): one per
 * output channel (pooling: per channel), the followed one among them, derived once per picture
 * and channel. Switch positions are checked against a max pooling written here.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { step } from '../../src/engine';
import { useStore } from '../../src/store';
import { selectConvPlans } from '../../src/store/plans';
import { selectTransposePlans } from '../../src/store/transposePlans';
import { selectUnpoolPlans } from '../../src/store/unpoolPlans';
import { showQuery as show } from '../components/showQuery';

const initial = useStore.getInitialState();
beforeEach(() => useStore.setState(initial, true));

describe('plan selectors', () => {
  it('convolution: a plan per output channel, the chosen one followed, the same object until the picture or channel changes', () => {
    show('?in=4&k=3&cin=2&cout=3');
    const a = selectConvPlans(useStore.getState());
    expect(a?.channels.map((p) => p.outChannel)).toEqual([0, 1, 2]);
    expect(a?.conv).toBe(a?.channels[0]);
    expect(selectConvPlans(useStore.getState())).toBe(a);
    useStore.getState().setChannel(2);
    const b = selectConvPlans(useStore.getState());
    expect(b).not.toBe(a);
    expect(b?.conv.outChannel).toBe(2);
    expect(b?.conv).toBe(b?.channels[2]);
    expect(selectTransposePlans(useStore.getState())).toBeNull();
  });

  it('transposed convolution: both forms per output channel; a channel past the count follows the last', () => {
    show('?op=convT&in=3&k=3&s=2&cin=2&cout=2&g=2');
    useStore.getState().setChannel(5);
    const plans = selectTransposePlans(useStore.getState());
    expect(plans?.channels.scatter.map((p) => p.outChannel)).toEqual([0, 1]);
    expect(plans?.channels.direct.map((p) => p.outChannel)).toEqual([0, 1]);
    expect(plans?.scatter).toBe(plans?.channels.scatter[1]);
    expect(plans?.direct).toBe(plans?.channels.direct[1]);
    expect(plans?.direct.group).toBe(1);
    expect(selectConvPlans(useStore.getState())).toBeNull();
  });

  it('pooling: each channel its own plane of switches (first maximum of each 2×2 window, written here)', () => {
    // Distinct values (7 and 32 are coprime), so every window has one maximum.
    const x = Array.from({ length: 32 }, (_, i) => (i * 7) % 32);
    show(`?op=unpool&in=4&k=2&s=2&cin=2&x=${x.join(',')}`);
    const plans = selectUnpoolPlans(useStore.getState());
    if (!plans) throw new Error('expected pooling plans');
    expect(plans.channels.map((p) => [p.pool.channel, p.unpool.channel])).toEqual([[0, 0], [1, 1]]);
    expect(plans.poolSteps).toBe(4);
    for (let c = 0; c < 2; c++) {
      const plane = x.slice(c * 16, (c + 1) * 16);
      for (let i = 0; i < 4; i++) {
        const [oy, ox] = [Math.floor(i / 2), i % 2];
        const cells = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([dy, dx]) => (2 * oy + dy) * 4 + 2 * ox + dx);
        const best = cells.reduce((a, b) => (plane[b] > plane[a] ? b : a));
        const pool = plans.channels[c].pool;
        if (pool.kind !== 'maxPool') throw new Error('expected max pooling');
        const s = step(pool, i);
        expect(s.switch.planeIndex).toBe(best);
      }
    }
  });
});
