/** English messages of the panels views (merged into en.ts). */
export const enPanels = {
} as const;
