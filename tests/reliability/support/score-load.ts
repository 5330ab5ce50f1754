import type { RuleSetView } from '../../../src/core/contracts/score'
import { dataOf, post, type Answer } from './http'
import type { Rows } from './server-database'

/** Households of 赵家桥村 a cadre may score (the two demo villagers' households left alone). */
const HOUSEHOLDS = Array.from({ length: 30 }, (_, i) => `h-zjq-${String(i + 3).padStart(2, '0')}`)

export type SentScore = { requestId: string; householdIds: string[]; answer: Answer }

/** The rule these loads score with: 红白喜事大操大办 (−10, no limit, opens no notice), so every submit is applied. */
export async function loadRuleId(baseUrl: string): Promise<number> {
  const rules = dataOf(await post<RuleSetView>(baseUrl, 'demo-cadre', 'score', { action: 'rules', orgId: 'v-zjq' }))
  return rules.rules.find((r) => r.code === 'custom-lavish')!.id
}

/**
 * `clients` cadres submit inspections (one to three households each) with ids `<prefix>-<n>` (a requestId
 * needs 8 characters or more) until
 * `keepGoing` says stop or the gateway stops answering; every call and its answer is recorded.
 */
export async function scoreLoad(
  baseUrl: string,
  ruleId: number,
  prefix: string,
  options: { clients: number; keepGoing: (sent: SentScore[]) => boolean },
): Promise<SentScore[]> {
  const sent: SentScore[] = []
  let n = 0
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (options.keepGoing(sent)) {
        const i = n++
        const householdIds = [...new Set([HOUSEHOLDS[i % 30], HOUSEHOLDS[(i * 7) % 30], HOUSEHOLDS[(i * 13) % 30]].slice(0, 1 + (i % 3)))]
        const requestId = `${prefix}-${i}`
        const answer = await post(baseUrl, 'demo-cadre', 'score', { action: 'submit', requestId, householdIds, ruleId })
        sent.push({ requestId, householdIds, answer })
        if (!answer.answered) return
      }
    }),
  )
  return sent
}

/** How many score records each request id of the load left, by id. */
export async function recordsOf(database: Rows, prefix: string): Promise<Map<string, number>> {
  const rows = await database.rows<{ request_id: string; n: number }>(
    `select request_id, count(*)::int as n from score_records where request_id like $1 group by request_id`,
    [`${prefix}-%`],
  )
  return new Map(rows.map((r) => [r.request_id, r.n]))
}

export const isOk = (s: SentScore) => s.answer.answered && s.answer.envelope.ok
