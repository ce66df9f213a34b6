/**
 * The worked examples of the tutorials ConvArith teaches from, one click away. Each preset is
 * a query string (the same language as every link), so opening one is parsing a URL.
 */

/** A worked example: fixed id, a title and its source (shown on screen), and its query. */
export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly query: string;
}

export const PRESETS: readonly Preset[] = [];

/** id → query, for the URL parser. */
export const PRESET_QUERIES: Readonly<Record<string, string>> = Object.fromEntries(PRESETS.map((p) => [p.id, p.query]));
