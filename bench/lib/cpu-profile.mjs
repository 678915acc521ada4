// CPU profiles of page loads (CDP Profiler), summed and read through the chunks' source maps:
// self time by source file and by function, so that « core-xxxx.js » reads as the SDK's or Lit's
// modules. Used by `node bench/cdn-pages.mjs --profile <page>`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

/** Self time (ms) of each sample's node, the node found by id. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return [...self].map(([id, ms]) => ({ node: byId.get(id), ms }));
}

const short = (source) =>
  source
    .replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^(\.\.\/)+/, '')
    .replace(/.*packages\//, '');

/**
 * @param {{ done: number, profile: any, base: string }[]} runs
 * @param {{ cdnDir: string, dsfrDir: string, top?: number }} options
 */
export function summarize(runs, { cdnDir, dsfrDir, top = 40 }) {
  const maps = new Map();
  const mapFor = (url, base) => {
    if (!maps.has(url)) {
      const rel = url.replace(base, '');
      const m = /^\/(cdn|dsfr)\/(.+)$/.exec(rel);
      const file = m && path.join(m[1] === 'cdn' ? cdnDir : dsfrDir, m[2]);
      maps.set(url, file && existsSync(`${file}.map`) ? new TraceMap(readFileSync(`${file}.map`, 'utf8')) : null);
    }
    return maps.get(url);
  };
  const byFile = new Map();
  const byFunction = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const { profile, base } of runs) {
    for (const { node, ms } of selfTimes(profile)) {
      const { url, functionName, lineNumber, columnNumber } = node.callFrame;
      let file = url ? url.replace(base, '') : `(${functionName || 'native'})`;
      let fn = functionName || '(anonymous)';
      const map = url && mapFor(url, base);
      if (map && lineNumber >= 0) {
        const pos = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
        if (pos.source) {
          file = short(pos.source);
          fn = `${pos.name ?? functionName ?? '(anonymous)'} ${file}:${pos.line}`;
        }
      } else if (url) fn = `${fn} ${file}:${lineNumber + 1}`;
      add(byFile, file, ms / runs.length);
      add(byFunction, fn, ms / runs.length);
    }
  }
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  const done = runs.map((r) => r.done).sort((a, b) => a - b);
  return `${runs.length} loads, content painted at ${done.map((d) => d.toFixed(0)).join(', ')} ms; self time per load (mean)\n\nby source file:\n${rows(byFile)}\n\nby function:\n${rows(byFunction)}`;
}
