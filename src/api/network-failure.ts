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
