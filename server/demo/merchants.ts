import { eq } from 'drizzle-orm'
import { localDay } from '../../src/core/period'
import type { Db } from '../store/database'
import { allianceStarTerms, householdMembers, households, orgs } from '../store/schema'
import { createStarterRuleSet } from '../services/org/starter-rule-set'
import type { DemoClock } from './clock'

/** 当湖商家自治联盟 (seed 004's 商家自治联盟, on the demo street) and its people. */
export const DEMO_ALLIANCE = 'al-danghu'
export const ALLIANCE_COMMITTEE = 'demo-alliance'
export const DEPT_INSPECTOR = 'demo-inspector'
export const MERCHANT_OWNER = 'demo-merchant'

const MERCHANTS = [
  { id: 'm-danghu-01', tradeName: '老街面馆', category: '餐饮', headName: '吴海林', houseNo: '当湖老街 12 号' },
  { id: 'm-danghu-02', tradeName: '东湖超市', category: '零售', headName: '钟小芳', houseNo: '东湖路 3 号' },
  { id: 'm-danghu-03', tradeName: '湖畔民宿', category: '民宿', headName: '方志明', houseNo: '湖滨路 8 号' },
]

/**
 * The alliance's merchants (the noodle shop's owner bound as demo-merchant), its starter rules (食品安全,
 * 环境卫生, 门前三包, 消防安全, 诚信经营, 参加培训) and its star terms, published a month ago.
 */
export async function seedDemoAlliance(tx: Db, clock: DemoClock): Promise<void> {
  const [alliance] = await tx.select().from(orgs).where(eq(orgs.id, DEMO_ALLIANCE))
  await createStarterRuleSet(tx, alliance)
  await tx.insert(households).values(MERCHANTS.map((m) => ({ ...m, memberKind: 'merchant', villageId: DEMO_ALLIANCE, shares: 0 })))
  await tx.insert(householdMembers).values({ householdId: MERCHANTS[0].id, openid: MERCHANT_OWNER, memberKind: 'merchant' })
  const published = clock.daysAgo(30)
  await tx.insert(allianceStarTerms).values({
    allianceId: DEMO_ALLIANCE,
    version: 1,
    effectiveFrom: localDay(published),
    windowMonths: 3,
    bands: [
      { minPoints: 0, stars: 3 },
      { minPoints: 10, stars: 4 },
      { minPoints: 20, stars: 5 },
    ],
    redMinStars: 4,
    blackLine: -20,
    publishedBy: ALLIANCE_COMMITTEE,
    createdAt: published,
  })
}
