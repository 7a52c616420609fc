// The app's two icons, drawn as real PNGs so the repository holds no binary files, and the
// checks Teams applies to them: colour 192x192; outline 32x32, white on a transparent
// background (Teams tints the outline itself, so any other colour shows up wrong).
import { PNG } from 'pngjs';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;
const ACCENT = [0x0f, 0x4c, 0x81];
const WHITE = [255, 255, 255];
// 4x4 samples per pixel: smooth edges without a drawing library.
const SAMPLES = 4;

/** A shield: straight sides for the upper part, then curving in to a point at the bottom. */
function shield(cx, top, halfWidth, height) {
  return (x, y) => {
    const v = (y - top) / height;
    if (v < 0 || v > 1) return false;
    const half = v < 0.45 ? halfWidth : halfWidth * Math.cos(((v - 0.45) / 0.55) * (Math.PI / 2));
    return Math.abs(x - cx) <= half;
  };
}

function nearSegment(x, y, [ax, ay], [bx, by], halfThickness) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= halfThickness;
}

/** A tick inside a shield of the given geometry, as a predicate. */
function tick(cx, top, halfWidth, height, halfThickness) {
  const a = [cx - 0.45 * halfWidth, top + 0.47 * height];
  const b = [cx - 0.08 * halfWidth, top + 0.68 * height];
  const c = [cx + 0.5 * halfWidth, top + 0.26 * height];
  return (x, y) => nearSegment(x, y, a, b, halfThickness) || nearSegment(x, y, b, c, halfThickness);
}

/** Fraction of a pixel's samples for which `inside` holds. */
function coverage(px, py, inside) {
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      if (inside(px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function render(size, paint) {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = paint(x, y);
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const mix = (from, to, t) => from.map((channel, i) => Math.round(channel + ((to[i] ?? 0) - channel) * t));

/** Colour icon: a white shield with a blue tick on the accent colour, edge to edge. */
export function drawColorIcon() {
  const inShield = shield(96, 30, 54, 136);
  const inTick = tick(96, 30, 54, 136, 9);
  return render(COLOR_SIZE, (x, y) => {
    const shieldPart = coverage(x, y, inShield);
    const tickPart = coverage(x, y, (sx, sy) => inShield(sx, sy) && inTick(sx, sy));
    const withShield = mix(ACCENT, WHITE, shieldPart);
    return [...mix(withShield, ACCENT, tickPart), 255];
  });
}

/** Outline icon: the shield's border and the tick in white; everything else transparent. */
export function drawOutlineIcon() {
  const outer = shield(16, 3, 11, 26);
  const inner = shield(16, 5, 9, 22.5);
  const inTick = tick(16, 3, 11, 26, 1.3);
  return render(OUTLINE_SIZE, (x, y) => {
    const part = coverage(x, y, (sx, sy) => (outer(sx, sy) && !inner(sx, sy)) || inTick(sx, sy));
    return [...WHITE, Math.round(part * 255)];
  });
}

/** Decodes a PNG and counts what the Teams icon rules care about. */
export function inspectIcon(buffer) {
  const png = PNG.sync.read(buffer);
  let transparent = 0;
  let visibleNotWhite = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3] ?? 0;
    if (alpha === 0) transparent++;
    else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) visibleNotWhite++;
  }
  return { width: png.width, height: png.height, pixels: png.width * png.height, transparent, visibleNotWhite };
}

/** The problems Teams would reject the icons for; empty when both are valid. */
export function iconProblems(colorPng, outlinePng) {
  const problems = [];
  const color = inspectIcon(colorPng);
  if (color.width !== COLOR_SIZE || color.height !== COLOR_SIZE) {
    problems.push(`color.png is ${color.width}x${color.height}, Teams needs ${COLOR_SIZE}x${COLOR_SIZE}`);
  }
  const outline = inspectIcon(outlinePng);
  if (outline.width !== OUTLINE_SIZE || outline.height !== OUTLINE_SIZE) {
    problems.push(`outline.png is ${outline.width}x${outline.height}, Teams needs ${OUTLINE_SIZE}x${OUTLINE_SIZE}`);
  }
  if (outline.visibleNotWhite > 0) {
    problems.push(`outline.png has ${outline.visibleNotWhite} visible pixels that are not white`);
  }
  if (outline.transparent === 0 || outline.transparent === outline.pixels) {
    problems.push('outline.png needs a transparent background around a visible white shape');
  }
  return problems;
}
