// Small helpers shared by the benchmark scripts: percentiles and a bounded timing loop.
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export async function measure(name, iterations, run, { warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) await run(i);
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    await run(i + warmup);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const result = { name, n: iterations, p50: percentile(times, 50), p95: percentile(times, 95) };
  console.log(`${name.padEnd(38)} n=${String(iterations).padStart(4)}  p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms`);
  return result;
}
