/**
 * The worked examples are a chunk of their own: an address naming one is read once that chunk
 * has loaded (loadQuery waits for it), never parsed without it (which would ignore the example).
 * Fresh modules here, so the examples have not loaded yet (test/setup.ts loads them for the rest).
 */
import { expect, it, vi } from 'vitest';

it('an address naming a worked example waits for the examples, then opens it (its numbers, no notice)', async () => {
  vi.resetModules();
  const registry = await import('../../src/store/presetRegistry');
  const { loadQuery, useStore } = await import('../../src/store');
  expect(registry.waitsForPresets('?preset=guide-half-padding')).toBe(true);
  expect(registry.waitsForPresets('?in=5&k=3')).toBe(false);

  loadQuery('?preset=guide-half-padding&step=2');
  // Not read yet: the default picture stays until the examples are in.
  expect(useStore.getState().params.preset).toBeNull();

  await vi.waitFor(() => expect(useStore.getState().params.preset).toBe('guide-half-padding'));
  const { PRESET_QUERIES } = await import('../../src/store/presets');
  const { parseQuery } = await import('../../src/store/urlParams');
  const expected = parseQuery(`?preset=guide-half-padding&step=2`, PRESET_QUERIES);
  expect(useStore.getState().params).toEqual(expected.params);
  expect(useStore.getState().notices).toEqual([]);
  expect(registry.waitsForPresets('?preset=guide-half-padding')).toBe(false);
});
