/** English messages of the channels views (merged into en.ts). */
export const enChannels = {
} as const;
