import { performance } from 'node:perf_hooks'

/** Median and 95th percentile of a set of samples (ms), with how many there were. */
export type Timing = { median: number; p95: number; runs: number }

/** The value at quantile `q` (0..1) of the samples: nearest rank, no interpolation. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

/** The median (the mean of the two middle values for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function summarize(samples: readonly number[]): Timing {
  return { median: median(samples), p95: quantile(samples, 0.95), runs: samples.length }
}

/** Runs `call` `runs` times one after another and gives each call's duration in ms. */
export async function timeEach(runs: number, call: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await call(i)
    samples.push(performance.now() - start)
  }
  return samples
}
