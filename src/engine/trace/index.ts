/** Step plans for animation: index relations only, random access in O(window). */
export * from './plan';
export * from './conv';
export * from './convTransposeScatter';
export * from './convTransposeDirect';
export * from './pool';
export * from './unpool';
export * from './steps';
