/** English messages of the unpool views (merged into en.ts). */
export const enUnpool = {
} as const;
