/** The engine's only import surface. Pure TypeScript: no DOM, no React, no store. */
export * from './errors';
export * from './tensor';
export * from './shape';
export * from './ops/conv2d';
export * from './ops/convTranspose2d';
export * from './ops/pool';
export * from './ops/unpool';
export * from './ops/teaching';
export { tf } from './frameworks/tf';
export * from './explore';
export * from './exploreNumbers';
export * from './values';
export * from './evaluate';
export * from './scatterCanvas';
export * from './trace';
export * from './matrix';
export * from './verdicts';
export * from './image';
