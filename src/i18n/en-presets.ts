/** English messages of the presets views (merged into en.ts). */
export const enPresets = {
} as const;
