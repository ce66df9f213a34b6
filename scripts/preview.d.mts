/** Debian's Chromium (preview.mjs). */
export const CHROMIUM: string;
/** The flags that keep headless Chromium quiet on a machine with no outside network (preview.mjs). */
export const CHROMIUM_ARGS: readonly string[];
/** Serves `dist` with `vite preview` on a free port; resolves once it answers (preview.mjs). */
export function startPreview(dist?: string): Promise<{ url: string; stop: () => void }>;
