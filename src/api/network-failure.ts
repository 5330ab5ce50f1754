import type { Envelope } from '../core/contracts/envelope'

/** What a caller gets when the backend cannot be reached or answers something that is not an envelope. */
export function networkFailure(): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message: '网络不通，请稍后再试' } }
}

/** True when a value has the shape of an envelope, so it can be handed on as one. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const candidate = value as { ok: unknown; error?: { code?: unknown; message?: unknown } }
  if (candidate.ok === true) return 'data' in value
  return candidate.ok === false && typeof candidate.error?.code === 'string' && typeof candidate.error?.message === 'string'
}

/**
 * True when the backend said it could not serve the call now (`BUSY`: no database connection within
 * its budget). Nothing was done, or a write was done once and its requestId replays it: the same call
 * may be sent again as it is.
 */
export function isRetryable(envelope: Envelope<unknown>): boolean {
  return !envelope.ok && envelope.error.code === 'BUSY'
}

/** Waits between the tries of a busy call: jittered, growing, bounded (≈ 0.5 s, then ≈ 1.5 s). */
export const BUSY_RETRY_WAITS_MS = [500, 1500] as const

/**
 * Sends `call` again while it answers BUSY, after a jittered wait (half to the whole of each of
 * BUSY_RETRY_WAITS_MS), at most that many times; then hands on the last answer, BUSY included, for
 * the page to show its plain message. The call carries the same data (and requestId) every time.
 */
export async function retryWhileBusy<T>(
  call: () => Promise<Envelope<T>>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => number = Math.random,
): Promise<Envelope<T>> {
  let answer = await call()
  for (const wait of BUSY_RETRY_WAITS_MS) {
    if (!isRetryable(answer)) break
    await sleep(Math.round(wait * (0.5 + random() / 2)))
    answer = await call()
  }
  return answer
}
