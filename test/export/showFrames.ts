/** Export-test helper: load a query, give the store the picture the worker would send, and read its frames. */
import { frameSource, type FrameSource } from '../../src/export/frame';
import { useStore } from '../../src/store';
import { showQuery } from '../components/showQuery';

/** The frame source of `query`'s picture, and its values. */
export function showFrames(query: string): { source: FrameSource; x: readonly number[]; w: readonly number[] } {
  const { x, w } = showQuery(query);
  const source = frameSource(useStore.getState());
  if (!source) throw new Error('no frame source');
  return { source, x, w };
}
