import type { Envelope } from '../../src/core/contracts/envelope'
import type { ErrorCode } from '../../src/core/errors'

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  NOT_REGISTERED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_MISMATCH: 409,
  INTERNAL: 500,
}

/** The HTTP status that goes with an envelope; refusals of business rules are 422. */
export function httpStatusOf(envelope: Envelope<unknown>): number {
  return envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 422)
}
