import { eq } from 'drizzle-orm'
import type { Db } from '../../server/store/database'
import { appendLedgerEntry } from '../../server/store/ledger'
import { households, orgs, roleGrants, rules, ruleSetOrgs, users } from '../../server/store/schema'

/**
 * 压测村: a village of 3,000 households on the demo street (the demo seed must be in first: it
 * brings 当湖街道 and the rule set rs-zjq), with one cadre and one earned ledger entry a household.
 * The score bench and the gateway bench time score.submit, score.ranking and dividend.preview on it.
 */
export const BIG_VILLAGE = {
  id: 'v-big',
  size: 3000,
  /** A cadre of 压测村: may score, see the ranking and run the dividend there. */
  cadre: 'bench-cadre',
  /** The rule the benchmark walks score with (a 垃圾分类 rule of rs-zjq). */
  ruleCode: 'waste-right',
} as const

/** The ids of 压测村's households, in seeding order. */
export function bigVillageHouseholdIds(): string[] {
  return Array.from({ length: BIG_VILLAGE.size }, (_, i) => `h-big-${i}`)
}

export async function seedBigVillage(db: Db): Promise<void> {
  await db.insert(orgs).values({ id: BIG_VILLAGE.id, kind: 'village', name: '压测村', parentId: 'st-danghu', path: '/st-danghu/v-big/' })
  await db.insert(orgs).values({ id: 'g-big', kind: 'villager_group', name: '1组', parentId: BIG_VILLAGE.id, path: '/st-danghu/v-big/g-big/' })
  await db.insert(users).values({ openid: BIG_VILLAGE.cadre, displayName: '压测干部' })
  await db.insert(roleGrants).values({ openid: BIG_VILLAGE.cadre, role: 'cadre', orgId: BIG_VILLAGE.id })
  await db.insert(ruleSetOrgs).values({ orgId: BIG_VILLAGE.id, ruleSetId: 'rs-zjq' })
  const ids = bigVillageHouseholdIds()
  for (let start = 0; start < ids.length; start += 500) {
    await db.insert(households).values(
      ids.slice(start, start + 500).map((id, k) => ({
        id,
        villageId: BIG_VILLAGE.id,
        groupId: 'g-big',
        headName: `户主${start + k}`,
        houseNo: `1组${String(start + k).padStart(4, '0')}号`,
        shares: 1 + ((start + k) % 5),
      })),
    )
  }
  await db.transaction(async (tx) => {
    for (const [i, householdId] of ids.entries()) await appendLedgerEntry(tx, { householdId, points: 1 + (i % 17), kind: 'score' })
  })
}

/** The id of the rule the benchmark walks score with. */
export async function benchRuleId(db: Db): Promise<(typeof rules.$inferSelect)['id']> {
  const [rule] = await db.select().from(rules).where(eq(rules.code, BIG_VILLAGE.ruleCode))
  if (!rule) throw new Error(`rule ${BIG_VILLAGE.ruleCode} is not seeded`)
  return rule.id
}
