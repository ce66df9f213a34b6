/** The messages between the page and the GIF worker (gif.worker.ts). */
import type { Scene } from './scene';

export type ToGifWorker =
  /** A new GIF of `frames` frames, each width × height device pixels. */
  | { readonly type: 'start'; readonly width: number; readonly height: number; readonly frames: number; readonly delay: number; readonly lastDelay: number }
  /** A frame as a scene: the worker draws it (OffscreenCanvas) at `scale`. */
  | { readonly type: 'scene'; readonly index: number; readonly scene: Scene; readonly scale: number }
  /** A frame already drawn by the page: RGBA, width × height. */
  | { readonly type: 'rgba'; readonly index: number; readonly rgba: Uint8ClampedArray };

export type FromGifWorker =
  /** Whether the worker can draw scenes itself. */
  | { readonly type: 'ready'; readonly canDraw: boolean }
  /** `done` frames encoded. */
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly gif: Blob }
  | { readonly type: 'error'; readonly message: string };
