import type { Envelope } from '../../../src/core/contracts/envelope'

/** What one HTTP call to the gateway came to: an answer (status and envelope), or none at all. */
export type Answer<T = unknown> = { answered: true; status: number; envelope: Envelope<T> } | { answered: false; reason: string }

/**
 * Calls a cloud function through the gateway as `openid` (null: no X-Dev-OpenId header). Unlike
 * tests/e2e/support/api.ts it keeps the HTTP status and turns a lost connection into "no answer"
 * instead of an exception, which the load and crash tests count.
 */
export async function post<T = unknown>(baseUrl: string, openid: string | null, name: string, body: unknown): Promise<Answer<T>> {
  return postRaw<T>(baseUrl, openid, name, JSON.stringify(body))
}

export async function postRaw<T = unknown>(baseUrl: string, openid: string | null, name: string, body: string): Promise<Answer<T>> {
  let response: Response
  try {
    response = await fetch(`${baseUrl}/api/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid === null ? {} : { 'x-dev-openid': openid }) },
      body,
    })
  } catch (error) {
    return { answered: false, reason: describe(error) }
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    return { answered: false, reason: describe(error) }
  }
  try {
    return { answered: true, status: response.status, envelope: JSON.parse(text) as Envelope<T> }
  } catch {
    return { answered: true, status: response.status, envelope: { ok: false, error: { code: 'INTERNAL', message: `not JSON: ${text.slice(0, 200)}` } } }
  }
}

/** The data of an answered, successful call; anything else throws with what came back. */
export function dataOf<T>(answer: Answer<T>): T {
  if (!answer.answered) throw new Error(`no answer: ${answer.reason}`)
  if (!answer.envelope.ok) throw new Error(`call failed (${answer.status}): ${answer.envelope.error.code} ${answer.envelope.error.message}`)
  return answer.envelope.data
}

/** 'ok', an error code, or 'NO_ANSWER': for tallies. */
export function outcomeOf(answer: Answer): string {
  if (!answer.answered) return 'NO_ANSWER'
  return answer.envelope.ok ? 'ok' : answer.envelope.error.code
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error)
}
