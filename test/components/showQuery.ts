/** Component-test helper: load a query into the store and give it the picture the worker would send. */
import { computeExplore } from '../../src/engine';
import { loadQuery, selectValidated, selectValues, specOf, useStore } from '../../src/store';

/** Loads `query` and computes its picture on the main thread (what the worker would send). */
export function showQuery(query: string): { x: readonly number[]; w: readonly number[] } {
  loadQuery(query);
  const s = useStore.getState();
  const v = selectValidated(s);
  if (!v.ok) throw new Error(`the query should be valid: ${v.error.message}`);
  const { x, w } = selectValues(s);
  useStore.setState({ picture: { explored: v.explored, x, w, numbers: computeExplore(specOf(s.params), x, w) }, hover: null, pinned: false });
  return { x, w };
}
