/**
 * The first page in one chunk (runs in Node, inside `vite build`). Left to itself, Rolldown
 * splits modules that the first page and some lazily loaded chunk share into common chunks
 * whenever merging them into the entry would make a circular chunk dependency, and which ones
 * it splits changes with small edits anywhere; each extra chunk the first page loads costs
 * bytes (its own imports and exports, a gzip stream that starts cold: about 1 KB for five of
 * them). This plugin puts every module the entry reaches through static imports into one chunk,
 * so the first page is one script whatever the lazily loaded parts import.
 *
 * The engine's modules join it only as dependencies of the first page's own modules: through the
 * engine's barrel (src/engine/index.ts) the entry reaches every kernel, but the kernels the first
 * page does not call belong to the chunks that do (the main-thread fallback, the worker).
 */
import type { Plugin } from 'vite';

interface ModuleGraph {
  getModuleInfo(id: string): { readonly isEntry: boolean; readonly importers: readonly string[]; readonly importedIds: readonly string[] } | null;
}

const ENGINE = /[\\/]src[\\/]engine[\\/]/;

/** The group's name (Rolldown merges the group into the entry chunk, which keeps the entry's name). */
const FIRST_CHUNK = 'first';

export function firstPageChunk(): Plugin {
  let first: Set<string> | null = null;

  /** Everything the entry above `id` reaches through static imports (computed once per build). */
  const reached = (id: string, graph: ModuleGraph): Set<string> => {
    if (first) return first;
    let entry: string | null = null;
    const up = [id];
    const seen = new Set(up);
    while (up.length > 0 && entry === null) {
      const at = up.pop()!;
      const info = graph.getModuleInfo(at);
      if (info?.isEntry) entry = at;
      for (const importer of info?.importers ?? []) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        up.push(importer);
      }
    }
    first = new Set();
    const down = entry === null ? [] : [entry];
    while (down.length > 0) {
      const at = down.pop()!;
      if (first.has(at)) continue;
      first.add(at);
      down.push(...(graph.getModuleInfo(at)?.importedIds ?? []));
    }
    return first;
  };

  return {
    name: 'convarith-first-page-chunk',
    apply: 'build',
    buildStart() {
      first = null;
    },
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [{ name: (id, graph) => (!ENGINE.test(id) && reached(id, graph).has(id) ? FIRST_CHUNK : null) }],
            },
          },
        },
      },
    }),
  };
}
