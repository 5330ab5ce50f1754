import type { Envelope } from '../core/contracts/envelope'
import type {
  LedgerPage,
  Ranking,
  RuleSetView,
  SubmitInput,
  SubmitResult,
} from '../core/contracts/score'
import { callFunction } from './call-function'

/** The published rules in force for my village (or the given village/community). */
export function rules(orgId?: string): Promise<Envelope<RuleSetView>> {
  return callFunction('score', 'rules', orgId ? { orgId } : {})
}

/** One inspection: one rule for several households. Reuse `requestId` when retrying. */
export function submitScore(input: SubmitInput): Promise<Envelope<SubmitResult>> {
  return callFunction('score', 'submit', input)
}

/** My household's ledger (or, for staff, a household in their scope), newest first. */
export function ledger(page: { householdId?: string; beforeId?: number; limit?: number } = {}): Promise<Envelope<LedgerPage>> {
  return callFunction('score', 'ledger', page)
}

/**
 * A village's ranking for a month ("2026-11") or a year ("2026"), as a page: its first and last
 * households (红黑榜) and the caller's own with its rank. (Staff may ask the server for every
 * household with `full: true`; no screen of the app does.)
 */
export function ranking(orgId: string, period: string): Promise<Envelope<Ranking>> {
  return callFunction('score', 'ranking', { orgId, period })
}
