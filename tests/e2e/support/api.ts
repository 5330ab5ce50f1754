import type { Envelope } from '../../../src/core/contracts/envelope'
import type { DividendPreview, RunSummary } from '../../../src/core/contracts/dividend'
import { periodsOf } from '../../../src/core/period'

/** Calls a cloud function through the gateway as a demo user, the way the H5 app does. */
export async function callAs<T>(baseUrl: string, openid: string, name: string, body: Record<string, unknown>): Promise<Envelope<T>> {
  const response = await fetch(`${baseUrl}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify(body),
  })
  return (await response.json()) as Envelope<T>
}

/** The data of a successful call; a failed one fails the test with its error. */
export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`call failed: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.data
}

/** This year in China, the year a dividend run of this year's points is made for. */
export const THIS_YEAR = Number(periodsOf(new Date()).year)

/**
 * Arranges a published dividend the way accountant 徐美芳 (demo-accountant) makes one: preview, save
 * the draft, publish. Answers the published run.
 */
export async function publishDividendAs(
  baseUrl: string,
  settings: { orgId: string; year: number; totalFen: number; incentiveRatio: string },
  requestId: string,
): Promise<RunSummary> {
  const run = { ...settings, method: 'proportional' }
  dataOf(await callAs<DividendPreview>(baseUrl, 'demo-accountant', 'dividend', { action: 'preview', ...run }))
  const draft = dataOf(await callAs<RunSummary>(baseUrl, 'demo-accountant', 'dividend', { action: 'saveDraft', requestId: `${requestId}-draft`, ...run }))
  return dataOf(await callAs<RunSummary>(baseUrl, 'demo-accountant', 'dividend', { action: 'publish', requestId: `${requestId}-publish`, runId: draft.id }))
}
