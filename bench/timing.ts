// Small timing helpers for the bench: time per call with a warm-up, percentiles, and the growth exponent fitted on a
// log-log scale. Numbers only; the bench asserts nothing.

/** CPU time of this process in ms (user + system): on a loaded machine it counts our work, not the wait for a core. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU ms per call of `fn`, over a window of at least `windowMs` and at least one call. */
function perCall(fn: () => unknown, windowMs: number): number {
  let runs = 0;
  const start = cpuMs();
  do {
    fn();
    runs++;
  } while (cpuMs() - start < windowMs);
  return (cpuMs() - start) / runs;
}

/**
 * CPU ms per call of each function, measured in interleaved rounds (so load changes hit all of them alike); the
 * best round counts, the usual estimate when other work can only add time.
 */
export function compareCalls<K extends string>(fns: Record<K, () => unknown>, rounds: number, windowMs: number): Record<K, number> {
  const keys = Object.keys(fns) as K[];
  const best = {} as Record<K, number>;
  for (const k of keys) {
    // Warm-up of one window each (not one call): with --quick's short windows a single call left a lint of many rules
    // measured before the JIT had optimised it, against a parse with far less code to warm (1,000 lines: 15 ms
    // against 5 ms after warming).
    perCall(fns[k], windowMs);
    best[k] = Infinity;
  }
  for (let r = 0; r < rounds; r++) {
    for (const k of keys) best[k] = Math.min(best[k], perCall(fns[k], windowMs));
  }
  return best;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Least-squares slope of log(time) against log(size): 1 means linear growth, 2 quadratic. */
export function growthExponent(points: ReadonlyArray<{ size: number; ms: number }>): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function ratio(ours: number, peer: number): string {
  return `${(ours / peer).toFixed(ours / peer < 0.1 ? 3 : 2)}×`;
}
