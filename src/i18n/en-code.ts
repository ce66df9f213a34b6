/** English messages of the code views (merged into en.ts). */
export const enCode = {
} as const;
