// Order statistics of a list of samples: the bench reports medians and their
// spread, never a single run (the machine is shared and noisy).

/** Value at quantile `q` (0…1) of sorted samples, linear interpolation. */
function quantile(sorted, q) {
  if (sorted.length === 0) return undefined;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Summary of samples (numbers; `null`/`undefined`/NaN samples are failures and
 * are counted, not averaged).
 */
export function summarize(samples) {
  const ok = samples.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  return {
    n: ok.length,
    failed: samples.length - ok.length,
    median: quantile(ok, 0.5),
    p25: quantile(ok, 0.25),
    p75: quantile(ok, 0.75),
    min: ok[0],
    max: ok[ok.length - 1],
    samples: samples.map((v) => (typeof v === 'number' && Number.isFinite(v) ? round(v) : null)),
  };
}

export function round(value, digits = 3) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
