/**
 * The colours a picture drawn outside the DOM uses (a canvas grid, an exported frame): the
 * stylesheet's custom properties of the same names (styles.css), read from the page when there is
 * one, with styles.css's values where none can be asked (tests, a worker) or a property is unset.
 */

/** The page's colours for grids. */
export interface Palette {
  readonly ink: string;
  readonly muted: string;
  readonly paper: string;
  readonly line: string;
  readonly pad: string;
  readonly zero: string;
  readonly window: string;
  readonly linked: string;
  readonly active: string;
  readonly accent: string;
  /** A cell cropped away, and its text; an inserted zero's text (styles.css writes these as literals). */
  readonly cropped: string;
  readonly croppedInk: string;
  readonly zeroInk: string;
}

/** styles.css's values. */
export const DEFAULT_PALETTE: Palette = {
  ink: '#1b2233', muted: '#5b6478', paper: '#ffffff', line: '#d5dae5', pad: '#e9ecf2', zero: '#f7f7f9',
  window: '#2563eb', linked: '#16a34a', active: '#c2410c', accent: '#c2410c',
  cropped: '#fafafa', croppedInk: '#b3b8c4', zeroInk: '#9aa2b3',
};

/** The palette as the page's stylesheet has it now (`read` returns a custom property's value, '' when unset). */
export function readPalette(read: (property: string) => string): Palette {
  const out: Record<string, string> = { ...DEFAULT_PALETTE };
  for (const key of Object.keys(DEFAULT_PALETTE) as (keyof Palette)[]) {
    const value = read(`--${key}`).trim();
    if (value) out[key] = value;
  }
  return out as unknown as Palette;
}
