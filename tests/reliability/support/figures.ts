/** The figures one reliability file prints at the end: plain counts, no timings. */
export class Figures {
  requests = 0
  retries = 0
  /** Refusals that come from racing for the same thing (limits, points, stock, a used token, a decided notice). */
  conflicts = 0
  unanswered = 0
  invariantChecks = 0
  failures = 0
  private readonly extra = new Map<string, number>()

  constructor(private readonly name: string) {}

  add(label: string, n = 1) {
    this.extra.set(label, (this.extra.get(label) ?? 0) + n)
  }

  print() {
    const extra = [...this.extra].map(([k, v]) => `${k} ${v}`)
    const line = [
      `requests ${this.requests}`,
      `retries ${this.retries}`,
      `conflicts ${this.conflicts}`,
      `no answer ${this.unanswered}`,
      `invariant checks ${this.invariantChecks}`,
      `failures ${this.failures}`,
      ...extra,
    ].join(', ')
    console.log(`[reliability] ${this.name}: ${line}\n[reliability] ${this.name} finished: ${this.failures === 0 ? 'no failures' : `${this.failures} FAILURES`}`)
  }
}

/** Error codes that mean "someone else got there first", not a fault. */
export const CONFLICT_CODES = new Set(['LIMIT_REACHED', 'INSUFFICIENT_POINTS', 'INSUFFICIENT_STOCK', 'TOKEN_USED', 'NOTICE_STATE', 'ALREADY_REVERSED', 'ALREADY_DECIDED'])
