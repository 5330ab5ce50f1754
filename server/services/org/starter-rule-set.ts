import { ALLIANCE_STARTER_RULES, STARTER_RULES } from '../../../src/core/starter-rules'
import type { Db } from '../../store/database'
import { rules, ruleSetOrgs, ruleSets, ruleSetVersions } from '../../store/schema'
import type { OrgRow } from './org-scope'

/**
 * A new village's, community's or alliance's own rule set, published with the starter rules so scoring can
 * begin (an alliance's are its merchants'); its cadre or committee (or the admin) edits and republishes it like any other set.
 */
export async function createStarterRuleSet(db: Db, unit: OrgRow): Promise<void> {
  const ruleSetId = `rs-${unit.id}`
  await db.insert(ruleSets).values({ id: ruleSetId, name: unit.kind === 'alliance' ? `${unit.name}商家评比细则` : `${unit.name}善治积分细则`, ownerOrgId: unit.id })
  await db.insert(ruleSetOrgs).values({ orgId: unit.id, ruleSetId })
  await db.insert(ruleSetVersions).values({ ruleSetId, version: 1, publishedAt: new Date() })
  const starter = unit.kind === 'alliance' ? ALLIANCE_STARTER_RULES : STARTER_RULES
  await db.insert(rules).values(starter.map((rule, i) => ({ ...rule, ruleSetId, version: 1, sortOrder: i })))
}
