// Makes image mode's sample pictures (public/samples/*.png), drawn here from code: made by the
// ConvArith project, no outside source. Deterministic: the same files on every run.
//   node scripts/make-samples.mjs
// scene    512×512 colour: sky gradient, sun, hills, a house with a window, a fence, a title in
//          block letters (edges in every direction, flat areas, gradients).
// letters  256×256 dark strokes on paper: block letters and lines of "text".
// rings    256×256 grey zone plate: rings that get finer outwards (aliasing under a stride).
// checker  128×128 colour checkerboard of 8-pixel squares over a gradient.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { png } from './png.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'samples');

// ---- Drawing ----
function canvas(width, height) {
  const rgb = new Uint8Array(width * height * 3);
  const set = (x, y, c) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const i = (y * width + x) * 3;
    rgb[i] = c[0];
    rgb[i + 1] = c[1];
    rgb[i + 2] = c[2];
  };
  return {
    width, height, rgb, set,
    fill: (fn) => {
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
        const c = fn(x, y);
        if (c) set(x, y, c);
      }
    },
    rect: (x0, y0, w, h, c) => {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) set(x, y, c);
    },
  };
}
const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

// A 5×7 block font, enough for the words drawn here.
const FONT = {
  A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  C: ['01111', '10000', '10000', '10000', '10000', '10000', '01111'],
  D: ['11110', '10001', '10001', '10001', '10001', '10001', '11110'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  G: ['01111', '10000', '10000', '10011', '10001', '10001', '01111'],
  H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
  I: ['11111', '00100', '00100', '00100', '00100', '00100', '11111'],
  K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
  L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  N: ['10001', '11001', '10101', '10011', '10001', '10001', '10001'],
  O: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
  P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  R: ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
  S: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
  T: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
  V: ['10001', '10001', '10001', '10001', '10001', '01010', '00100'],
  ' ': ['00000', '00000', '00000', '00000', '00000', '00000', '00000'],
};
function text(cv, str, x0, y0, size, c) {
  [...str].forEach((ch, n) => {
    FONT[ch].forEach((row, r) => {
      [...row].forEach((bit, col) => {
        if (bit === '1') cv.rect(x0 + (n * 6 + col) * size, y0 + r * size, size, size, c);
      });
    });
  });
}

function scene() {
  const cv = canvas(512, 512);
  const skyTop = [40, 90, 170];
  const skyLow = [190, 220, 245];
  cv.fill((x, y) => mix(skyTop, skyLow, y / 300));
  // Sun: a disc with a soft rim.
  cv.fill((x, y) => {
    const d = Math.hypot(x - 400, y - 90);
    return d < 40 ? [255, 214, 70] : d < 46 ? mix([255, 214, 70], mix(skyTop, skyLow, y / 300), (d - 40) / 6) : null;
  });
  // Hills: two sine ridges.
  cv.fill((x, y) => (y > 300 + 30 * Math.sin(x / 60) ? mix([70, 150, 60], [30, 90, 30], (y - 260) / 252) : null));
  cv.fill((x, y) => (y > 360 + 20 * Math.sin(x / 35 + 1) ? mix([110, 170, 70], [50, 110, 40], (y - 340) / 172) : null));
  // House: walls, roof, door, window with bars.
  cv.rect(90, 290, 150, 120, [200, 70, 60]);
  cv.fill((x, y) => (y >= 220 && y < 290 && Math.abs(x - 165) < (y - 220) * 1.15 ? [90, 50, 40] : null));
  cv.rect(150, 340, 36, 70, [80, 50, 30]);
  cv.rect(105, 310, 36, 36, [235, 240, 250]);
  cv.rect(122, 310, 3, 36, [60, 60, 60]);
  cv.rect(105, 326, 36, 3, [60, 60, 60]);
  cv.rect(200, 310, 28, 28, [235, 240, 250]);
  // Fence: thin vertical pickets and two rails.
  for (let x = 270; x < 500; x += 14) cv.rect(x, 380, 5, 50, [245, 240, 225]);
  cv.rect(265, 392, 240, 4, [245, 240, 225]);
  cv.rect(265, 414, 240, 4, [245, 240, 225]);
  // A diagonal path.
  cv.fill((x, y) => (y > 420 && Math.abs(x - 168 - (y - 420) * 0.8) < 14 + (y - 420) * 0.15 ? [200, 180, 140] : null));
  // Title in block letters.
  text(cv, 'CONVARITH', 28, 24, 5, [255, 255, 255]);
  return cv;
}

function letters() {
  const cv = canvas(256, 256);
  cv.fill(() => [246, 242, 230]);
  const ink = [30, 30, 40];
  text(cv, 'KERNEL', 20, 18, 6, ink);
  text(cv, 'STRIDE', 20, 74, 4, [160, 30, 30]);
  text(cv, 'IMAGE', 20, 114, 3, ink);
  // Lines of "text": words as short bars of one-pixel strokes.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let y = 150; y < 246; y += 12) {
    let x = 20;
    while (x < 236) {
      const w = 8 + Math.floor(rand() * 28);
      for (let i = 0; i < Math.min(w, 236 - x); i += 2) cv.rect(x + i, y, 1, 6 + (i % 4 === 0 ? 1 : 0), ink);
      x += w + 6;
    }
  }
  return cv;
}

function rings() {
  const cv = canvas(256, 256);
  cv.fill((x, y) => {
    const r2 = (x - 128) ** 2 + (y - 128) ** 2;
    const v = Math.round(127.5 + 127.5 * Math.cos((Math.PI * r2) / 256 / 2));
    return [v, v, v];
  });
  return cv;
}

function checker() {
  const cv = canvas(128, 128);
  cv.fill((x, y) => {
    const on = (Math.floor(x / 8) + Math.floor(y / 8)) % 2 === 0;
    const base = mix([220, 60, 60], [60, 80, 220], x / 127);
    return on ? base : mix(base, [250, 250, 250], 0.75 - (y / 127) * 0.5);
  });
  return cv;
}

mkdirSync(OUT, { recursive: true });
for (const [name, make] of Object.entries({ scene, letters, rings, checker })) {
  const cv = make();
  const file = png(cv.width, cv.height, cv.rgb);
  writeFileSync(join(OUT, `${name}.png`), file);
  console.log(`${name}.png ${cv.width}×${cv.height} ${(file.length / 1024).toFixed(1)} KB`);
}
