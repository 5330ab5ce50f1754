import { STARTER_RULES } from '../../../src/core/starter-rules'
import type { Db } from '../../store/database'
import { rules, ruleSetOrgs, ruleSets, ruleSetVersions } from '../../store/schema'
import type { OrgRow } from './org-scope'

/**
 * A new village's or community's own rule set, published with the starter rules so scoring can
 * begin; its cadre (or the admin) edits and republishes it like any other set.
 */
export async function createStarterRuleSet(db: Db, unit: OrgRow): Promise<void> {
  const ruleSetId = `rs-${unit.id}`
  await db.insert(ruleSets).values({ id: ruleSetId, name: `${unit.name}善治积分细则`, ownerOrgId: unit.id })
  await db.insert(ruleSetOrgs).values({ orgId: unit.id, ruleSetId })
  await db.insert(ruleSetVersions).values({ ruleSetId, version: 1, publishedAt: new Date() })
  await db.insert(rules).values(STARTER_RULES.map((rule, i) => ({ ...rule, ruleSetId, version: 1, sortOrder: i })))
}
