/** The engine's only import surface. Pure TypeScript: no DOM, no React, no store. */
export * from './errors';
export * from './tensor';
export * from './shape';
