import { performance } from 'node:perf_hooks'
import { accountFunction } from '../../server/functions/account'
import { localPlatform } from '../../server/platform/local/platform'
import type { Db } from '../../server/store/database'
import type { Figure } from './figures'
import { summarize, type Timing } from './stats'

/**
 * The yardstick every timing of `npm run bench` is judged against: the same machine, at the same
 * moment, doing the most trivial thing the app does through the same path. It is `account.whoami`
 * of a WeChat user who is not registered (what the first open of the mini-program sends): through
 * the gateway when the figure is, in process otherwise, on the same database; one statement. Timed
 * alternately with the measured call, so both see the same load, and a budget is a ratio of the two.
 * In process one call takes well under a millisecond, too short to be preempted when the CPUs are
 * shared while a 100 ms call is, so there the baseline is a block of IN_PROCESS_BLOCK calls in a row
 * (tens of ms, like the figures). Measured: with one call, two CPU-bound processes beside the bench
 * doubled saveDraft's ratio (803× → 1,563×); see bench/results.md.
 */
export const IN_PROCESS_BLOCK = 20

export const BASELINE = {
  label: 'account.whoami of an unregistered user',
  fn: 'account',
  openid: 'bench-stranger',
  event: { action: 'whoami' },
} as const

/** The baseline in process on `db`: `calls` baseline calls one after another (concurrent clients each make one). */
export function inProcessBaseline(db: Db, calls = IN_PROCESS_BLOCK): () => Promise<unknown> {
  return async () => {
    for (let i = 0; i < calls; i++) {
      const answer = await accountFunction.invoke({ db, openid: BASELINE.openid, event: { ...BASELINE.event }, platform: localPlatform })
      if (!answer.ok) throw new Error(`baseline: ${answer.error.code} ${answer.error.message}`)
    }
  }
}

/**
 * The yardstick of a pure computation (no database, no I/O): the same kind of work in plain
 * JavaScript — 100,000 generated ids made, sorted and indexed in a Map, as the dividend's
 * apportionment sorts and indexes its households — about as long as the figure, so both are cut
 * by the scheduler alike when the CPUs are shared. Measured on 2026-11-29: against the database
 * baseline the pure dividend's ratio swung from 11× to 32× between runs with no change in the
 * code (PGlite's call and a JS loop do not slow down alike); against this one it stayed within
 * 1.5×–2.3×, idle and beside two CPU-bound processes.
 */
export async function pureBaseline(): Promise<Map<string, number>> {
  let state = 7
  const rows = Array.from({ length: 100_000 }, (_, n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return { id: `h-${String(state % 1_000_000).padStart(7, '0')}`, n }
  })
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return new Map(rows.map((row) => [row.id, row.n * 2]))
}

export type Paired = { measured: Timing; baseline: Timing }

/**
 * Times `measured` and `baseline` one after the other, `runs` times (after `warmUp` unmeasured
 * pairs): the baseline just before each measured call, so a burst of load lands on both.
 */
export async function timePaired(
  runs: number,
  measured: (i: number) => Promise<unknown>,
  baseline: () => Promise<unknown>,
  warmUp = 0,
): Promise<Paired> {
  const m: number[] = []
  const b: number[] = []
  for (let i = 0; i < warmUp + runs; i++) {
    let start = performance.now()
    await baseline()
    const base = performance.now() - start
    start = performance.now()
    await measured(i)
    const ms = performance.now() - start
    if (i >= warmUp) {
      b.push(base)
      m.push(ms)
    }
  }
  return { measured: summarize(m), baseline: summarize(b) }
}

/**
 * A timing's figures: the absolute median and p95 (reported, not judged: they depend on the
 * machine and its load), the baseline's median beside them, and the two ratios the budgets hold.
 */
export function pairedFigures(id: string, label: string, { measured, baseline }: Paired, quantiles: ('median' | 'p95')[] = ['median', 'p95']): Figure[] {
  const figures: Figure[] = []
  for (const q of quantiles) figures.push({ id: `${id}.${q}`, label: `${label}, ${q}`, value: measured[q], unit: 'ms', reported: true })
  figures.push({ id: `${id}.baseline`, label: `${label}: baseline median`, value: baseline.median, unit: 'ms', reference: true })
  for (const q of quantiles) {
    figures.push({ id: `${id}.${q}-ratio`, label: `${label}, ${q} ÷ baseline ${q}`, value: measured[q] / baseline[q], unit: '×' })
  }
  return figures
}
