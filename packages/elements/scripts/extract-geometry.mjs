#!/usr/bin/env node
// Extracts the SVG outlines of the French régions and départements (overseas
// included) from the built files of a pinned `@gouvfr/dsfr-chart` and writes a
// compact ES module for <cnr-territory-map>:
//
//   packages/elements/src/territory-map/geometry/france.generated.js (+ .d.ts)
//
// Usage (from the repository root):
//   node packages/elements/scripts/extract-geometry.mjs          # write the files
//   node packages/elements/scripts/extract-geometry.mjs --check  # fail if stale
//
// No dependency beyond Node itself. The output is deterministic: running the
// script twice gives byte-identical files.
//
// Pipeline: read `dist/MapChart/MapChart.js` → pick every `class: "FR-…"` path
// → parse to absolute polygons → place (metropolitan France unchanged, the five
// overseas départements scaled into inset boxes in a column on the left) →
// Douglas–Peucker on shared arcs (neighbours keep identical borders) → snap to
// the integer grid → drop collinear points and specks → encode
// with relative commands → store bbox and a label point per shape.

import { readFileSync, writeFileSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG_ROOT = path.resolve(HERE, '..');
export const OUT_DIR = path.join(PKG_ROOT, 'src/territory-map/geometry');
export const OUT_JS = path.join(OUT_DIR, 'france.generated.js');
export const OUT_DTS = path.join(OUT_DIR, 'france.generated.d.ts');

const SOURCE_PKG = '@gouvfr/dsfr-chart';
const PINNED_VERSION = '2.0.4';
const SOURCE_FILE = 'dist/MapChart/MapChart.js';
const REGENERATE = 'node packages/elements/scripts/extract-geometry.mjs';

// ---------------------------------------------------------------------------
// Layout (units of the source's metropolitan map, whose viewBox is 0 0 1010 1010)

/** Side of the square box of each overseas inset, and the gap between boxes. */
const INSET_SIZE = 186;
const INSET_GAP = 20;
/** Margin kept inside an inset box around the territory. */
const INSET_PADDING = 12;
/** Metropolitan France is shifted right by this much to make room for the insets. */
const METRO_DX = INSET_SIZE + INSET_GAP;

/** Douglas–Peucker tolerance, in output units (1 unit ≈ 1 km in metropolitan France). */
const TOLERANCE_METRO = 1;
const TOLERANCE_INSET = 0.75;
/** Rings smaller than this area (square units, after snapping) are dropped. */
const MIN_RING_AREA = 1.5;

// ---------------------------------------------------------------------------
// INSEE Code officiel géographique (COG): régions and départements, names as
// INSEE writes them. Unchanged since the 2016 régions and Mayotte (2011).

/** [code, name] */
const COG_REGIONS = [
  ['01', 'Guadeloupe'],
  ['02', 'Martinique'],
  ['03', 'Guyane'],
  ['04', 'La Réunion'],
  ['06', 'Mayotte'],
  ['11', 'Île-de-France'],
  ['24', 'Centre-Val de Loire'],
  ['27', 'Bourgogne-Franche-Comté'],
  ['28', 'Normandie'],
  ['32', 'Hauts-de-France'],
  ['44', 'Grand Est'],
  ['52', 'Pays de la Loire'],
  ['53', 'Bretagne'],
  ['75', 'Nouvelle-Aquitaine'],
  ['76', 'Occitanie'],
  ['84', 'Auvergne-Rhône-Alpes'],
  ['93', "Provence-Alpes-Côte d'Azur"],
  ['94', 'Corse'],
];

/** [code, name, région code] */
const COG_DEPARTMENTS = [
  ['01', 'Ain', '84'],
  ['02', 'Aisne', '32'],
  ['03', 'Allier', '84'],
  ['04', 'Alpes-de-Haute-Provence', '93'],
  ['05', 'Hautes-Alpes', '93'],
  ['06', 'Alpes-Maritimes', '93'],
  ['07', 'Ardèche', '84'],
  ['08', 'Ardennes', '44'],
  ['09', 'Ariège', '76'],
  ['10', 'Aube', '44'],
  ['11', 'Aude', '76'],
  ['12', 'Aveyron', '76'],
  ['13', 'Bouches-du-Rhône', '93'],
  ['14', 'Calvados', '28'],
  ['15', 'Cantal', '84'],
  ['16', 'Charente', '75'],
  ['17', 'Charente-Maritime', '75'],
  ['18', 'Cher', '24'],
  ['19', 'Corrèze', '75'],
  ['2A', 'Corse-du-Sud', '94'],
  ['2B', 'Haute-Corse', '94'],
  ['21', "Côte-d'Or", '27'],
  ['22', "Côtes-d'Armor", '53'],
  ['23', 'Creuse', '75'],
  ['24', 'Dordogne', '75'],
  ['25', 'Doubs', '27'],
  ['26', 'Drôme', '84'],
  ['27', 'Eure', '28'],
  ['28', 'Eure-et-Loir', '24'],
  ['29', 'Finistère', '53'],
  ['30', 'Gard', '76'],
  ['31', 'Haute-Garonne', '76'],
  ['32', 'Gers', '76'],
  ['33', 'Gironde', '75'],
  ['34', 'Hérault', '76'],
  ['35', 'Ille-et-Vilaine', '53'],
  ['36', 'Indre', '24'],
  ['37', 'Indre-et-Loire', '24'],
  ['38', 'Isère', '84'],
  ['39', 'Jura', '27'],
  ['40', 'Landes', '75'],
  ['41', 'Loir-et-Cher', '24'],
  ['42', 'Loire', '84'],
  ['43', 'Haute-Loire', '84'],
  ['44', 'Loire-Atlantique', '52'],
  ['45', 'Loiret', '24'],
  ['46', 'Lot', '76'],
  ['47', 'Lot-et-Garonne', '75'],
  ['48', 'Lozère', '76'],
  ['49', 'Maine-et-Loire', '52'],
  ['50', 'Manche', '28'],
  ['51', 'Marne', '44'],
  ['52', 'Haute-Marne', '44'],
  ['53', 'Mayenne', '52'],
  ['54', 'Meurthe-et-Moselle', '44'],
  ['55', 'Meuse', '44'],
  ['56', 'Morbihan', '53'],
  ['57', 'Moselle', '44'],
  ['58', 'Nièvre', '27'],
  ['59', 'Nord', '32'],
  ['60', 'Oise', '32'],
  ['61', 'Orne', '28'],
  ['62', 'Pas-de-Calais', '32'],
  ['63', 'Puy-de-Dôme', '84'],
  ['64', 'Pyrénées-Atlantiques', '75'],
  ['65', 'Hautes-Pyrénées', '76'],
  ['66', 'Pyrénées-Orientales', '76'],
  ['67', 'Bas-Rhin', '44'],
  ['68', 'Haut-Rhin', '44'],
  ['69', 'Rhône', '84'],
  ['70', 'Haute-Saône', '27'],
  ['71', 'Saône-et-Loire', '27'],
  ['72', 'Sarthe', '52'],
  ['73', 'Savoie', '84'],
  ['74', 'Haute-Savoie', '84'],
  ['75', 'Paris', '11'],
  ['76', 'Seine-Maritime', '28'],
  ['77', 'Seine-et-Marne', '11'],
  ['78', 'Yvelines', '11'],
  ['79', 'Deux-Sèvres', '75'],
  ['80', 'Somme', '32'],
  ['81', 'Tarn', '76'],
  ['82', 'Tarn-et-Garonne', '76'],
  ['83', 'Var', '93'],
  ['84', 'Vaucluse', '93'],
  ['85', 'Vendée', '52'],
  ['86', 'Vienne', '75'],
  ['87', 'Haute-Vienne', '75'],
  ['88', 'Vosges', '44'],
  ['89', 'Yonne', '27'],
  ['90', 'Territoire de Belfort', '27'],
  ['91', 'Essonne', '11'],
  ['92', 'Hauts-de-Seine', '11'],
  ['93', 'Seine-Saint-Denis', '11'],
  ['94', 'Val-de-Marne', '11'],
  ['95', "Val-d'Oise", '11'],
  ['971', 'Guadeloupe', '01'],
  ['972', 'Martinique', '02'],
  ['973', 'Guyane', '03'],
  ['974', 'La Réunion', '04'],
  ['976', 'Mayotte', '06'],
];

/** dsfr-chart keys its metropolitan région paths by ISO 3166-2 letters. */
const ISO_REGION_TO_INSEE = {
  ARA: '84',
  BFC: '27',
  BRE: '53',
  CVL: '24',
  '20R': '94',
  GES: '44',
  HDF: '32',
  IDF: '11',
  NOR: '28',
  NAQ: '75',
  OCC: '76',
  PDL: '52',
  PAC: '93',
};

/** Overseas départements, in inset order (top to bottom). */
const OVERSEAS = ['971', '972', '973', '974', '976'];

// ---------------------------------------------------------------------------
// SVG path parsing → absolute polygons

function parsePath(d) {
  const toks = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const isCmd = (t) => /^[a-zA-Z]$/.test(t);
  let i = 0;
  let cmd = '';
  let x = 0, y = 0, sx = 0, sy = 0;
  let pcx = null, pcy = null; // previous cubic control point (for S)
  const rings = [];
  let cur = null;
  const num = () => {
    const t = toks[i++];
    if (t === undefined || isCmd(t)) throw new Error(`malformed path near token ${i}`);
    return parseFloat(t);
  };
  const ensureRing = () => {
    if (!cur) {
      cur = [[x, y]];
      rings.push(cur);
    }
  };
  while (i < toks.length) {
    if (isCmd(toks[i])) cmd = toks[i++];
    else if (!cmd) throw new Error('path does not start with a command');
    const rel = cmd >= 'a';
    const C = cmd.toUpperCase();
    if (C === 'Z') {
      x = sx;
      y = sy;
      cur = null;
      pcx = null;
      continue;
    }
    if (C === 'M') {
      let nx = num(), ny = num();
      if (rel) { nx += x; ny += y; }
      x = sx = nx;
      y = sy = ny;
      cur = [[x, y]];
      rings.push(cur);
      cmd = rel ? 'l' : 'L';
      pcx = null;
      continue;
    }
    ensureRing();
    if (C === 'L' || C === 'H' || C === 'V' || C === 'A') {
      if (C === 'L') {
        let nx = num(), ny = num();
        if (rel) { nx += x; ny += y; }
        x = nx;
        y = ny;
      } else if (C === 'H') {
        x = rel ? x + num() : num();
      } else if (C === 'V') {
        y = rel ? y + num() : num();
      } else {
        // Elliptical arc: only its end point is kept (the source's arcs are tiny).
        num(); num(); num(); num(); num();
        let nx = num(), ny = num();
        if (rel) { nx += x; ny += y; }
        x = nx;
        y = ny;
      }
      cur.push([x, y]);
      pcx = null;
    } else if (C === 'C' || C === 'S') {
      let x1, y1;
      if (C === 'C') {
        x1 = num();
        y1 = num();
        if (rel) { x1 += x; y1 += y; }
      } else {
        x1 = pcx === null ? x : 2 * x - pcx;
        y1 = pcy === null ? y : 2 * y - pcy;
      }
      let x2 = num(), y2 = num(), ex = num(), ey = num();
      if (rel) { x2 += x; y2 += y; ex += x; ey += y; }
      // Flatten the cubic into a few points; simplification keeps what matters.
      for (const t of [0.25, 0.5, 0.75]) {
        const u = 1 - t;
        cur.push([
          u * u * u * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * ex,
          u * u * u * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * ey,
        ]);
      }
      cur.push([ex, ey]);
      pcx = x2;
      pcy = y2;
      x = ex;
      y = ey;
    } else {
      throw new Error(`unsupported path command "${cmd}"`);
    }
  }
  // Drop the closing duplicate of the first point.
  for (const r of rings) {
    while (r.length > 1 && r[0][0] === r.at(-1)[0] && r[0][1] === r.at(-1)[1]) r.pop();
  }
  return rings.filter((r) => r.length >= 3);
}

// ---------------------------------------------------------------------------
// Geometry helpers

function bboxOf(rings) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of rings) {
    for (const [x, y] of r) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  }
  return [x0, y0, x1, y1];
}

function ringArea(r) {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return a / 2;
}

function segDist2(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = ax + t * dx - px, qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

/** Douglas–Peucker on an open polyline; keeps both ends. */
function dpOpen(pts, tol2) {
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let max = -1, idx = -1;
    for (let k = a + 1; k < b; k++) {
      const d = segDist2(pts[k][0], pts[k][1], pts[a][0], pts[a][1], pts[b][0], pts[b][1]);
      if (d > max) { max = d; idx = k; }
    }
    if (idx >= 0 && max > tol2) {
      keep[idx] = 1;
      stack.push([a, idx], [idx, b]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

/** Douglas–Peucker on a closed ring: split at the first point and the point farthest from it. */
function dpRing(ring, tol) {
  if (tol <= 0 || ring.length < 5) return ring;
  let far = 0, max = -1;
  for (let k = 1; k < ring.length; k++) {
    const d = (ring[k][0] - ring[0][0]) ** 2 + (ring[k][1] - ring[0][1]) ** 2;
    if (d > max) { max = d; far = k; }
  }
  const a = dpOpen(ring.slice(0, far + 1), tol * tol);
  const b = dpOpen([...ring.slice(far), ring[0]], tol * tol);
  return [...a, ...b.slice(1, -1)];
}

const pointKey = (p) => `${p[0]},${p[1]}`;

/**
 * Douglas–Peucker that keeps shared borders identical: the rings of all shapes
 * are cut into arcs at junctions (points whose neighbours differ from one
 * occurrence to another, as in TopoJSON), every distinct arc is simplified once
 * in a canonical direction, and each ring is rebuilt from its simplified arcs.
 * Neighbouring shapes therefore never get slivers or overlaps between them.
 *
 * @param {Map<string, number[][][]>} shapes key → rings
 * @returns {Map<string, number[][][]>}
 */
function simplifyShared(shapes, tol) {
  const firstPair = new Map();
  const junctions = new Set();
  for (const rings of shapes.values()) {
    for (const r of rings) {
      for (let i = 0; i < r.length; i++) {
        const a = pointKey(r[(i + r.length - 1) % r.length]);
        const b = pointKey(r[(i + 1) % r.length]);
        const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
        const k = pointKey(r[i]);
        const seen = firstPair.get(k);
        if (seen === undefined) firstPair.set(k, pair);
        else if (seen !== pair) junctions.add(k);
      }
    }
  }
  const cache = new Map();
  const simplifyArc = (arc) => {
    const fwd = arc.map(pointKey).join(' ');
    const rev = arc.map(pointKey).reverse().join(' ');
    const reversed = rev < fwd;
    const id = reversed ? rev : fwd;
    let done = cache.get(id);
    if (!done) {
      done = dpOpen(reversed ? [...arc].reverse() : arc, tol * tol);
      cache.set(id, done);
    }
    return reversed ? [...done].reverse() : done;
  };
  const out = new Map();
  for (const [key, rings] of shapes) {
    out.set(
      key,
      rings.map((r) => {
        const cuts = [];
        r.forEach((p, i) => junctions.has(pointKey(p)) && cuts.push(i));
        if (cuts.length === 0) {
          // A ring shared with nobody (an island, a coast-only shape), or
          // identical to another whole ring: start it at its smallest point so
          // identical rings simplify identically.
          let s = 0;
          r.forEach((p, i) => pointKey(p) < pointKey(r[s]) && (s = i));
          const ring = [...r.slice(s), ...r.slice(0, s)];
          return dpRing(ring, tol);
        }
        const ring = [...r.slice(cuts[0]), ...r.slice(0, cuts[0])];
        const rel = cuts.map((c) => c - cuts[0]);
        const res = [];
        for (let j = 0; j < rel.length; j++) {
          const from = rel[j];
          const to = j + 1 < rel.length ? rel[j + 1] : ring.length; // ring.length wraps to 0
          const arc = ring.slice(from, to + 1);
          if (to === ring.length) arc.push(ring[0]);
          res.push(...simplifyArc(arc).slice(0, -1));
        }
        return res;
      }),
    );
  }
  return out;
}

/** Snap to the integer grid (scale = 10^decimals), remove duplicates and collinear points. */
function snapRing(ring, scale) {
  let pts = ring.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)]);
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    const out = [];
    for (let k = 0; k < pts.length; k++) {
      const p = pts[k];
      const prev = out.length ? out.at(-1) : pts.at(-1);
      const next = pts[(k + 1) % pts.length];
      if (p[0] === prev[0] && p[1] === prev[1]) { changed = true; continue; }
      const cross = (p[0] - prev[0]) * (next[1] - p[1]) - (p[1] - prev[1]) * (next[0] - p[0]);
      const dot = (p[0] - prev[0]) * (next[0] - p[0]) + (p[1] - prev[1]) * (next[1] - p[1]);
      if (cross === 0 && dot >= 0) { changed = true; continue; } // straight through
      out.push(p);
    }
    while (out.length > 1 && out[0][0] === out.at(-1)[0] && out[0][1] === out.at(-1)[1]) {
      out.pop();
      changed = true;
    }
    pts = out;
  }
  return pts;
}

function pointInRings(x, y, rings) {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i], [xj, yj] = r[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distToEdges(x, y, rings) {
  let min = Infinity;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const d = segDist2(x, y, r[j][0], r[j][1], r[i][0], r[i][1]);
      if (d < min) min = d;
    }
  }
  return Math.sqrt(min);
}

/** A point well inside the shape (pole of inaccessibility, by grid refinement), for labels. */
function labelPoint(rings) {
  const [x0, y0, x1, y1] = bboxOf(rings);
  let best = null, bestD = -1;
  const N = 24;
  let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hw = (x1 - x0) / 2, hh = (y1 - y0) / 2;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i <= N; i++) {
      for (let j = 0; j <= N; j++) {
        const x = cx - hw + (2 * hw * i) / N, y = cy - hh + (2 * hh * j) / N;
        if (!pointInRings(x, y, rings)) continue;
        const d = distToEdges(x, y, rings);
        if (d > bestD) { bestD = d; best = [x, y]; }
      }
    }
    if (!best) break;
    [cx, cy] = best;
    hw /= 4;
    hh /= 4;
  }
  if (!best) best = [(x0 + x1) / 2, (y0 + y1) / 2];
  return best;
}

// ---------------------------------------------------------------------------
// Path encoding (relative commands, shortest number forms)

function fmt(n, scale) {
  let s = scale === 1 ? String(n) : String(n / scale);
  if (s === '-0') s = '0';
  return s.replace(/^(-?)0\./, '$1.');
}

function joinNums(nums) {
  let out = '';
  for (const s of nums) {
    if (out && !s.startsWith('-') && !(s.startsWith('.') && /\.\d*$/.test(out.split(/[^\d.]/).at(-1) ?? ''))) out += ' ';
    out += s;
  }
  return out;
}

function encode(rings, scale) {
  let d = '';
  let px = 0, py = 0; // current point (start of the previous ring after z)
  rings.forEach((r, ri) => {
    const [sx, sy] = r[0];
    const abs = 'M' + joinNums([fmt(sx, scale), fmt(sy, scale)]);
    const rel = 'm' + joinNums([fmt(sx - px, scale), fmt(sy - py, scale)]);
    const useAbs = ri === 0 || abs.length <= rel.length;
    d += useAbs ? abs : rel;
    let last = useAbs ? 'L' : 'l'; // pairs right after M (m) are implicit L (l)
    let body = '';
    let nums = [];
    const flush = () => {
      if (nums.length) body += joinNums(nums);
      nums = [];
    };
    let x = sx, y = sy;
    for (let k = 1; k < r.length; k++) {
      const dx = r[k][0] - x, dy = r[k][1] - y;
      x = r[k][0];
      y = r[k][1];
      const c = dy === 0 ? 'h' : dx === 0 ? 'v' : 'l';
      const args = c === 'h' ? [fmt(dx, scale)] : c === 'v' ? [fmt(dy, scale)] : [fmt(dx, scale), fmt(dy, scale)];
      if (c !== last) {
        flush();
        body += c;
        last = c;
      }
      nums.push(...args);
    }
    flush();
    // Implicit line-to right after M needs a separator when it starts without "-".
    d += body && /^[\d.]/.test(body) ? ' ' + body : body;
    d += 'z';
    px = sx;
    py = sy;
  });
  return d;
}

// ---------------------------------------------------------------------------
// Extraction

function readSource() {
  const dir = realpathSync(path.join(PKG_ROOT, 'node_modules', SOURCE_PKG));
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.version !== PINNED_VERSION) {
    throw new Error(
      `${SOURCE_PKG} is ${pkg.version}, this script is written for ${PINNED_VERSION}: ` +
        'check the extraction (keys, viewBoxes, layout) before changing PINNED_VERSION.',
    );
  }
  const license = readFileSync(path.join(dir, 'LICENSE'), 'utf8').replace(/\r\n?/g, '\n');
  const copyright = license.split('\n').find((l) => /^Copyright/i.test(l.trim()))?.trim();
  if (!copyright) throw new Error(`no copyright line in ${SOURCE_PKG}/LICENSE`);
  // The MIT notice proper (the file starts with a French preamble about the Marianne font).
  const mit = license.slice(license.search(/^MIT License$/m)).trim();
  if (!mit.startsWith('MIT License') || !mit.includes(copyright) || !mit.includes('Permission is hereby granted')) {
    throw new Error(`unexpected ${SOURCE_PKG}/LICENSE`);
  }
  const js = readFileSync(path.join(dir, SOURCE_FILE), 'utf8');
  return { version: pkg.version, license: pkg.license, copyright, mit, js };
}

function extractShapes(js) {
  const shapes = new Map();
  const re = /class:\s*"FR-([0-9A-Z]+)",\s*(?:style:[^\n]*\n\s*)?d:\s*"([^"]+)"/g;
  for (const m of js.matchAll(re)) {
    const [, key, d] = m;
    if (shapes.has(key)) throw new Error(`FR-${key} appears twice in ${SOURCE_FILE}`);
    // The overseas maps are separate <svg>s: remember their viewBox.
    const before = js.slice(Math.max(0, m.index - 1500), m.index);
    const vb = [...before.matchAll(/viewBox:\s*"([^"]+)"/g)].at(-1)?.[1];
    shapes.set(key, { key, d, viewBox: vb });
  }
  const metroViewBox = /FranceProps:\s*\{\s*viewBox:\s*"([^"]+)"/.exec(js)?.[1];
  if (!metroViewBox) throw new Error('metropolitan viewBox not found');
  // dsfr-chart's own département table, used to cross-check our COG table.
  const table = [
    ...js.matchAll(/department:\s*"([^"]+)",\s*department_value:\s*"([^"]+)",\s*region:\s*"([^"]+)",\s*region_value:\s*"([^"]+)"/g),
  ].map(([, name, code, regionName, regionKey]) => ({ name, code, regionName, regionKey }));
  return { shapes, metroViewBox, table };
}

function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

export function generate() {
  const src = readSource();
  const { shapes, metroViewBox, table } = extractShapes(src.js);
  check(metroViewBox === '0 0 1010 1010', `unexpected metropolitan viewBox ${metroViewBox}`);

  const depCodes = COG_DEPARTMENTS.map(([c]) => c);
  const isoKeys = Object.keys(ISO_REGION_TO_INSEE);
  const expected = new Set([...depCodes, ...isoKeys]);
  for (const k of shapes.keys()) check(expected.has(k), `unexpected key FR-${k} in ${SOURCE_FILE}`);
  for (const k of expected) check(shapes.has(k), `FR-${k} missing from ${SOURCE_FILE}`);

  // Cross-check the COG table with dsfr-chart's own département → région table.
  const regOf = Object.fromEntries(COG_DEPARTMENTS.map(([c, , r]) => [c, r]));
  check(table.length === depCodes.length, `dsfr-chart lists ${table.length} départements`);
  for (const t of table) {
    const want = OVERSEAS.includes(t.regionKey) ? regOf[t.regionKey] : ISO_REGION_TO_INSEE[t.regionKey];
    check(regOf[t.code] === want, `région of ${t.code}: COG ${regOf[t.code]}, dsfr-chart ${t.regionKey}`);
  }

  // --- placement -----------------------------------------------------------
  const place = new Map(); // key -> { rings (absolute, placed) }
  const insetBoxes = new Map();
  for (const [key, s] of shapes) {
    const rings = parsePath(s.d);
    check(rings.length > 0, `FR-${key} has an empty path`);
    if (OVERSEAS.includes(key)) {
      const i = OVERSEAS.indexOf(key);
      const box = [0, i * (INSET_SIZE + INSET_GAP), INSET_SIZE, INSET_SIZE];
      const [x0, y0, x1, y1] = bboxOf(rings);
      const inner = INSET_SIZE - 2 * INSET_PADDING;
      const k = Math.min(inner / (x1 - x0), inner / (y1 - y0));
      const ox = box[0] + (INSET_SIZE - k * (x1 - x0)) / 2 - k * x0;
      const oy = box[1] + (INSET_SIZE - k * (y1 - y0)) / 2 - k * y0;
      insetBoxes.set(key, { box, sourceViewBox: s.viewBox, scale: k });
      place.set(key, { rings: rings.map((r) => r.map(([x, y]) => [ox + k * x, oy + k * y])) });
    } else {
      place.set(key, { rings: rings.map((r) => r.map(([x, y]) => [x + METRO_DX, y])) });
    }
  }

  // --- simplify, snap, encode -------------------------------------------------
  const SCALE = 1; // integer coordinates
  const out = new Map();
  let pointsIn = 0, pointsOut = 0;
  const metroIn = new Map([...place].filter(([k]) => !OVERSEAS.includes(k)).map(([k, p]) => [k, p.rings]));
  const insetIn = new Map([...place].filter(([k]) => OVERSEAS.includes(k)).map(([k, p]) => [k, p.rings]));
  const simplified = new Map([...simplifyShared(metroIn, TOLERANCE_METRO), ...simplifyShared(insetIn, TOLERANCE_INSET)]);
  for (const [key, p] of place) {
    pointsIn += p.rings.reduce((n, r) => n + r.length, 0);
    const rings = simplified
      .get(key)
      .map((r) => snapRing(r, SCALE))
      .filter((r) => r.length >= 3 && Math.abs(ringArea(r)) >= MIN_RING_AREA * SCALE * SCALE);
    check(rings.length > 0, `FR-${key} vanished after simplification`);
    pointsOut += rings.reduce((n, r) => n + r.length, 0);
    const [x0, y0, x1, y1] = bboxOf(rings);
    const box = [x0 / SCALE, y0 / SCALE, (x1 - x0) / SCALE, (y1 - y0) / SCALE];
    const [lx, ly] = labelPoint(rings);
    const d = encode(rings, SCALE);
    // Round-trip: the encoded path parses back to the same points.
    const back = parsePath(d).map((r) => r.map(([x, y]) => [Math.round(x * SCALE), Math.round(y * SCALE)]));
    check(JSON.stringify(back) === JSON.stringify(rings), `FR-${key}: encoding does not round-trip`);
    out.set(key, { d, box, label: [Math.round(lx / SCALE), Math.round(ly / SCALE)] });
  }

  // Sanity: each metropolitan région's box is the union of its départements' boxes (±3).
  for (const [iso, code] of Object.entries(ISO_REGION_TO_INSEE)) {
    const deps = COG_DEPARTMENTS.filter(([, , r]) => r === code).map(([c]) => out.get(c).box);
    const u = [
      Math.min(...deps.map((b) => b[0])),
      Math.min(...deps.map((b) => b[1])),
      Math.max(...deps.map((b) => b[0] + b[2])),
      Math.max(...deps.map((b) => b[1] + b[3])),
    ];
    const b = out.get(iso).box;
    const r = [b[0], b[1], b[0] + b[2], b[1] + b[3]];
    check(r.every((v, i) => Math.abs(v - u[i]) <= 3), `région ${code} (${iso}) box ${r} ≠ its départements' ${u}`);
  }

  const all = [...out.values()].map((v) => v.box);
  const metroBoxes = [...out.entries()].filter(([k]) => !OVERSEAS.includes(k)).map(([, v]) => v.box);
  const union = (bs) => {
    const x0 = Math.min(...bs.map((b) => b[0])), y0 = Math.min(...bs.map((b) => b[1]));
    return [x0, y0, Math.max(...bs.map((b) => b[0] + b[2])) - x0, Math.max(...bs.map((b) => b[1] + b[3])) - y0];
  };
  const metro = union(metroBoxes);
  const insetUnion = union([...insetBoxes.values()].map((v) => v.box));
  const viewBox = union([metro, insetUnion]);
  check(viewBox[0] === 0 && viewBox[1] === 0, `viewBox should start at 0 0, got ${viewBox}`);
  for (const b of all) {
    check(b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= viewBox[2] && b[1] + b[3] <= viewBox[3], `box ${b} outside viewBox`);
  }

  // --- write ----------------------------------------------------------------
  const q = (s) => JSON.stringify(s);
  const nums = (a) => `[${a.join(',')}]`;
  const pathVar = (code) => `P${code}`;
  const L = [];
  L.push(
    '/* eslint-disable */',
    // Kept by minifiers (`/*!`, @license): the MIT notice must travel with the chunk.
    `/*! @license Map outlines from ${SOURCE_PKG}@${src.version} (${src.license}):`,
    ...src.mit.split('\n').map((l) => (l ? ` * ${l}` : ' *')),
    ' */',
    '/*',
    ' * GENERATED FILE — do not edit. Regenerate with:',
    ` *   ${REGENERATE}`,
    ` * from ${SOURCE_PKG}@${src.version}, ${SOURCE_FILE} (${src.copyright}, ${src.license}).`,
    ' * Codes and names: INSEE, Code officiel géographique.',
    ' *',
    ` * Coordinates: one SVG user space, viewBox ${viewBox.join(' ')}. Metropolitan France is the`,
    ` * source map (0 0 1010 1010) shifted right by ${METRO_DX}; the five overseas départements are`,
    ` * scaled (each on its own, not to scale) into ${INSET_SIZE}×${INSET_SIZE} inset boxes stacked in a`,
    ` * column on the left, ${INSET_GAP} apart. Simplified (Douglas–Peucker ${TOLERANCE_METRO} / ${TOLERANCE_INSET}, shared`,
    ' * borders kept identical), integer coordinates.',
    ' * Rows: box = [x, y, width, height, labelX, labelY] (the label point lies inside the shape).',
    ' */',
    `export const SOURCE = {package:${q(SOURCE_PKG)},version:${q(src.version)},license:${q(src.license)},copyright:${q(src.copyright)}};`,
    `export const VIEWBOX = ${nums(viewBox)};`,
    `export const METRO_BOX = ${nums(metro)};`,
  );
  for (const code of OVERSEAS) L.push(`const ${pathVar(code)} = ${q(out.get(code).d)};`);
  L.push(
    '/** [département code, région code, inset box [x, y, width, height]] */',
    'export const INSETS = [',
    ...OVERSEAS.map((c) => `[${q(c)},${q(regOf[c])},${nums(insetBoxes.get(c).box)}],`),
    '];',
    '/** [code, name, box, d] */',
    'export const REGIONS = [',
  );
  const isoOf = Object.fromEntries(Object.entries(ISO_REGION_TO_INSEE).map(([k, v]) => [v, k]));
  for (const [code, name] of COG_REGIONS) {
    const dep = OVERSEAS.find((c) => regOf[c] === code);
    const s = out.get(dep ?? isoOf[code]);
    L.push(`[${q(code)},${q(name)},${nums([...s.box, ...s.label])},${dep ? pathVar(dep) : q(s.d)}],`);
  }
  L.push('];', '/** [code, name, région code, box, d] */', 'export const DEPARTMENTS = [');
  for (const [code, name, reg] of COG_DEPARTMENTS) {
    const s = out.get(code);
    L.push(`[${q(code)},${q(name)},${q(reg)},${nums([...s.box, ...s.label])},${OVERSEAS.includes(code) ? pathVar(code) : q(s.d)}],`);
  }
  L.push('];', '');
  const jsText = L.join('\n');

  const dtsText = [
    '// GENERATED FILE — do not edit. Regenerate with:',
    `//   ${REGENERATE}`,
    '/** [x, y, width, height] in the map\'s SVG user space. */',
    'export type GeneratedBox = readonly [number, number, number, number];',
    '/** [x, y, width, height, labelX, labelY]. */',
    'export type GeneratedShapeBox = readonly [number, number, number, number, number, number];',
    'export declare const SOURCE: { readonly package: string; readonly version: string; readonly license: string; readonly copyright: string };',
    'export declare const VIEWBOX: GeneratedBox;',
    'export declare const METRO_BOX: GeneratedBox;',
    '/** [département code, région code, inset box] */',
    'export declare const INSETS: ReadonlyArray<readonly [string, string, GeneratedBox]>;',
    '/** [code, name, box, d] */',
    'export declare const REGIONS: ReadonlyArray<readonly [string, string, GeneratedShapeBox, string]>;',
    '/** [code, name, région code, box, d] */',
    'export declare const DEPARTMENTS: ReadonlyArray<readonly [string, string, string, GeneratedShapeBox, string]>;',
    '',
  ].join('\n');

  return {
    jsText,
    dtsText,
    stats: {
      shapes: out.size,
      pointsIn,
      pointsOut,
      viewBox,
      metro,
      insets: Object.fromEntries([...insetBoxes].map(([k, v]) => [k, { box: v.box, sourceViewBox: v.sourceViewBox, scale: +v.scale.toFixed(3) }])),
    },
  };
}

export function sizes(text) {
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
}

function main() {
  const checkOnly = process.argv.includes('--check');
  const { jsText, dtsText, stats } = generate();
  if (checkOnly) {
    let stale = false;
    for (const [file, text] of [[OUT_JS, jsText], [OUT_DTS, dtsText]]) {
      let current = null;
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        // Not generated yet: reported as stale below.
      }
      if (current !== text) {
        console.error(`stale: ${path.relative(process.cwd(), file)} — run ${REGENERATE}`);
        stale = true;
      }
    }
    if (stale) process.exit(1);
    console.log('geometry is up to date');
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(OUT_JS, jsText);
  writeFileSync(OUT_DTS, dtsText);
  const s = sizes(jsText);
  console.log(`wrote ${path.relative(process.cwd(), OUT_JS)} (+ .d.ts)`);
  console.log(`  ${stats.shapes} source shapes, ${stats.pointsIn} → ${stats.pointsOut} points`);
  console.log(`  viewBox ${stats.viewBox.join(' ')}, metropolitan box ${stats.metro.join(' ')}`);
  for (const [k, v] of Object.entries(stats.insets)) {
    console.log(`  inset ${k}: box ${v.box.join(' ')} (source viewBox ${v.sourceViewBox}, ×${v.scale})`);
  }
  console.log(`  size: ${s.raw} B raw, ${s.gzip} B gzip`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) main();
