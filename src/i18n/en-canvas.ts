/** English messages of the grids drawn on a canvas (large grids), added by CanvasGrid when its chunk loads. */
export const enCanvas = {
  'canvas.zoom': 'Zoom {name}',
  'canvas.zoomIn': 'Zoom in',
  'canvas.zoomOut': 'Zoom out',
  'canvas.zoomFit': 'Whole grid',
  'canvas.hint': 'Arrow keys read the cells one by one; the buttons, Ctrl + wheel or a pinch zoom; drag to move a zoomed grid.',
  'canvas.readout': '({row}, {col}): {value}',
  'canvas.blank': 'blank',
} as const;
