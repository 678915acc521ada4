// Rows of the bench's tables: one measured figure (median and spread of its
// runs) with the budget beside it, or a row saying why it is not available.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { round, summarize } from './stats.mjs';

export const NOT_AVAILABLE = 'not available';

/**
 * A measured row. `budget` is `{ limit, text }` (met when the median is at or
 * below `limit`) or undefined when no budget applies to this figure.
 */
export function measured(group, measure, samples, { unit = 'ms', budget, note } = {}) {
  const s = summarize(samples);
  const met = budget && s.n > 0 ? s.median <= budget.limit : null;
  return {
    group,
    measure,
    unit,
    available: s.n > 0,
    ...(s.n > 0 ? {} : { reason: 'no successful run' }),
    n: s.n,
    failed: s.failed,
    median: round(s.median),
    p25: round(s.p25),
    p75: round(s.p75),
    min: round(s.min),
    max: round(s.max),
    samples: s.samples,
    budget: budget?.text ?? null,
    limit: budget?.limit ?? null,
    met,
    ...(note ? { note } : {}),
  };
}

/** A row for a figure that cannot be measured yet, and why. */
export function unavailable(group, measure, reason, { budget } = {}) {
  return { group, measure, available: false, reason, budget: budget?.text ?? null, limit: budget?.limit ?? null, met: null };
}

export function formatValue(value, unit) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'kB') return `${value.toFixed(1)} kB`;
  if (unit === '') return value < 0.001 && value > 0 ? value.toExponential(1) : value.toFixed(4);
  const digits = value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

/** « met 0.42× » / « OVER 3.1× »: the median as a ratio of the budget, steadier than the figure on a noisy machine. */
function status(row) {
  if (!row.available || row.met === null || row.met === undefined) return '';
  const ratio = row.limit > 0 ? ` ${(row.median / row.limit).toFixed(2)}×` : '';
  return `${row.met ? 'met' : 'OVER'}${ratio}`;
}

/** Prints rows grouped under their `group`, as aligned text columns. */
export function printTable(title, rows) {
  const header = ['measure', 'median', 'spread (min–max)', 'runs', 'budget', ''];
  const lines = [];
  let group;
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      lines.push({ group });
    }
    if (!row.available) {
      lines.push({ cells: [row.measure, `« ${NOT_AVAILABLE} »`, row.reason ?? '', '', row.budget ?? '—', ''] });
      continue;
    }
    const spread = row.n > 1 ? `${formatValue(row.min, row.unit)} – ${formatValue(row.max, row.unit)}` : '';
    const runs = row.failed > 0 ? `${row.n} (+${row.failed} failed)` : String(row.n);
    lines.push({ cells: [row.measure, formatValue(row.median, row.unit), spread, runs, row.budget ?? '—', status(row)] });
    if (row.note) lines.push({ note: row.note });
  }
  // The reason of an unavailable row may be long: it does not set the column width.
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.filter((l) => l.cells && !(i === 2 && l.cells[1].startsWith('«'))).map((l) => l.cells[i].length)),
  );
  const pad = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [`\n${title}`, '='.repeat(title.length), pad(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const line of lines) {
    if (line.group) out.push(`[${line.group}]`);
    else if (line.note) out.push(`    ↳ ${line.note}`);
    else out.push(pad(line.cells));
  }
  console.log(out.join('\n'));
}

let commit;
/** What the figures were measured on. */
export function environment(extra = {}) {
  if (commit === undefined) {
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (dirty) commit += ' (uncommitted changes)';
    } catch {
      commit = 'unknown';
    }
  }
  return {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    loadavg: os.loadavg().map((v) => round(v, 2)),
    ...extra,
  };
}

export function writeJson(file, value) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
