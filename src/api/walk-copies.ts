import type { HouseholdList } from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import type { RuleSetView } from '../core/contracts/score'
import { listHouseholds } from './roster'
import { withKeptCopy } from './kept-copy'
import { rules } from './score'

// What an inspection walk needs without signal, kept on the phone from the last answer with signal:
// the leader's households (with their 门牌) and the rules in force (with their version).

/** The households of a unit for a walk; without signal, the kept list, searched on the phone by name or 门牌. */
export async function walkHouseholds(orgId: string, search: string): Promise<Envelope<HouseholdList>> {
  const { answer, kept } = await withKeptCopy(`walk-households:${orgId}`, () => listHouseholds(orgId, search), !search)
  if (!kept || !answer.ok || !search) return answer
  const households = answer.data.households.filter((h) => h.name.includes(search) || h.houseNo.includes(search))
  return { ok: true, data: { ...answer.data, households } }
}

/** The rules in force for a walk; without signal, the set kept last time. */
export async function walkRules(orgId: string): Promise<Envelope<RuleSetView>> {
  return (await withKeptCopy(`walk-rules:${orgId}`, () => rules(orgId), true)).answer
}
