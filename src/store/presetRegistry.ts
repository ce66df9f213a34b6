/**
 * The worked examples' queries by id, once src/store/presets.ts has loaded (it registers them
 * here). Reading or writing an address that names an example needs them; the first page does
 * without: the examples are a chunk of their own, loaded with the picker's list or as soon as
 * an address names one (`loadQuery` waits for it then).
 */
let queries: Readonly<Record<string, string>> | null = null;

/** Called by presets.ts when it loads. */
export function registerPresetQueries(q: Readonly<Record<string, string>>): void {
  queries = q;
}

/** id → query of every worked example (none before presets.ts has loaded). */
export function presetQueries(): Readonly<Record<string, string>> {
  return queries ?? {};
}

/** Whether the address `search` names a worked example whose query has not loaded yet. */
export function waitsForPresets(search: string): boolean {
  return queries === null && new URLSearchParams(search).has('preset');
}

/** Loads the worked examples (their chunk registers their queries). */
export function loadPresets(): Promise<unknown> {
  return import('./presets');
}
