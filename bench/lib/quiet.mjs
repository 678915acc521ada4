// Quiet-machine gate, shared by the browser parts of the bench: before a measured page load,
// wait (up to `maxWaitMs`) while the 1-minute load average is above the number of cores. The
// machine is shared, so a load may still start on a busy machine: the caller counts those and
// says so next to its figures.
import os from 'node:os';

/** Waits for a quiet machine; true when it is quiet now, false when it gave up waiting. */
export async function quiet(maxWaitMs = 10_000) {
  const cores = os.cpus().length;
  for (let waited = 0; waited < maxWaitMs && os.loadavg()[0] > cores; waited += 1000) await new Promise((r) => setTimeout(r, 1000));
  return os.loadavg()[0] <= cores;
}

/** « load average 1.2 0.9 0.8 on 2 cores » */
export function loadText() {
  return `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`;
}
