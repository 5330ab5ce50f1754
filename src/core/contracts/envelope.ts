import type { AppError, ErrorCode } from '../errors'

/** What every cloud function answers, in the cloud and through the local gateway alike. */
export type ApiError = { code: ErrorCode; message: string; fields?: Record<string, string> }
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export function errorEnvelope(error: AppError): Envelope<never> {
  return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } }
}
