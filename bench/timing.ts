// Small timing helpers for the bench: time per call with a warm-up, percentiles, and the growth exponent fitted on a
// log-log scale. Numbers only; the bench asserts nothing.
import { performance } from 'node:perf_hooks';

/** Mean ms per call of `fn`, after a warm-up, running for at least `minMs` (and at least `minRuns` calls). */
export function msPerCall(fn: () => unknown, minMs: number, minRuns = 3): number {
  for (let i = 0; i < 2; i++) fn(); // let the JIT see the code first
  let runs = 0;
  const start = performance.now();
  while (runs < minRuns || performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
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
