import { nextTick } from '../../src/core/timer-tick'

/**
 * The local gateway's timer: the same beat as WeChat's timer trigger (second 0 of every tenth minute,
 * core/timer-tick.ts), calling `tick` with that moment. A tick that fails is logged and the beat goes on,
 * as WeChat's trigger fires again whatever the last run did.
 */
export function startTimerBeat(tick: (now: Date) => Promise<void>, clock: () => Date = () => new Date()): { stop(): void } {
  let timeout: NodeJS.Timeout | undefined
  let stopped = false
  const schedule = () => {
    const at = nextTick(clock())
    timeout = setTimeout(() => {
      if (stopped) return
      tick(at)
        .catch((error) => console.error('[timer]', error))
        .finally(schedule)
    }, Math.max(0, at.getTime() - clock().getTime()))
    timeout.unref()
  }
  schedule()
  return {
    stop() {
      stopped = true
      clearTimeout(timeout)
    },
  }
}
