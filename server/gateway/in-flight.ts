/** The requests still being worked on, so a clean stop can wait for every one of them. */
export class InFlight {
  private count = 0
  private waiting: (() => void)[] = []

  track(work: Promise<void>): void {
    this.count++
    const done = () => {
      this.count--
      if (this.count === 0) for (const resolve of this.waiting.splice(0)) resolve()
    }
    work.then(done, done)
  }

  /** Resolves once no request is being worked on. */
  settled(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve))
  }
}
