import { sql } from 'drizzle-orm'
import { childPath, type OrgKind } from '../../src/core/org'
import { latestWakingMoment } from '../../src/core/reminders'
import type { StaffRole } from '../../src/core/roles'
import { skipSubscribeMessage } from '../platform/subscribe-message'
import { sendReminders } from '../services/shared/reminders'
import type { Db } from '../store/database'
import { demoStory } from './actions'
import { planActivity, planVillageSettings } from './activity'
import { demoClock } from './clock'
import { BANK_OFFICER, seedDemoBankTerms, seedDemoCertificate } from './credit'
import { planInspections } from './history'
import { seedDemoMatters } from './matters'
import { ALLIANCE_COMMITTEE, DEMO_ALLIANCE, DEPT_INSPECTOR, MERCHANT_OWNER, seedDemoAlliance } from './merchants'
import { memberOf, STORY_MEMBER_HOUSEHOLDS, TJ_GRID_LEADER } from './people'
import { saveDemoPhotos } from './photos'
import { seedDemoRules } from './rules'
import { seedDemoShop } from './shop'
import { appendLedgerEntry } from '../store/ledger'
import { householdMembers, households, orgs, roleGrants, users } from '../store/schema'

/**
 * The demo: 当湖街道 with 赵家桥村 (shaped like the real one, scaled down: 2 grids of 2 micro-grids,
 * 4 villager groups, 32 households), 通界村 (8 households, 4 of them relocated to 东湖社区 as in
 * version 3.0), 赵家桥村's 积分超市, 平湖农商银行 (with its 当湖支行) for 善治贷, and 当湖商家自治联盟 with three
 * merchants. One fixed openid
 * per role, listed in README.
 */
type OrgSeed = { id: string; kind: OrgKind; name: string; parentId: string | null; settings?: object }

const ORGS: OrgSeed[] = [
  { id: 'st-danghu', kind: 'street', name: '当湖街道', parentId: null },
  { id: 'v-zjq', kind: 'village', name: '赵家桥村', parentId: 'st-danghu', settings: { cooperative: '赵家桥村股份经济合作社' } },
  ...[1, 2, 3, 4].map((n): OrgSeed => ({ id: `g-zjq-${n}`, kind: 'villager_group', name: `${n}组`, parentId: 'v-zjq' })),
  { id: 'gr-zjq-1', kind: 'grid', name: '第一网格', parentId: 'v-zjq' },
  { id: 'gr-zjq-2', kind: 'grid', name: '第二网格', parentId: 'v-zjq' },
  { id: 'mg-zjq-1-1', kind: 'micro_grid', name: '第一网格1号微网格', parentId: 'gr-zjq-1' },
  { id: 'mg-zjq-1-2', kind: 'micro_grid', name: '第一网格2号微网格', parentId: 'gr-zjq-1' },
  { id: 'mg-zjq-2-1', kind: 'micro_grid', name: '第二网格1号微网格', parentId: 'gr-zjq-2' },
  { id: 'mg-zjq-2-2', kind: 'micro_grid', name: '第二网格2号微网格', parentId: 'gr-zjq-2' },
  { id: 'shop-zjq', kind: 'shop', name: '赵家桥村积分超市', parentId: 'v-zjq' },
  { id: 'v-tj', kind: 'village', name: '通界村', parentId: 'st-danghu', settings: { cooperative: '通界村股份经济合作社' } },
  { id: 'g-tj-1', kind: 'villager_group', name: '1组', parentId: 'v-tj' },
  { id: 'gr-tj-1', kind: 'grid', name: '第一网格', parentId: 'v-tj' },
  { id: 'mg-tj-1-1', kind: 'micro_grid', name: '第一网格1号微网格', parentId: 'gr-tj-1' },
  { id: 'c-donghu', kind: 'community', name: '东湖社区', parentId: 'st-danghu' },
  { id: 'bk-pinghu', kind: 'bank', name: '平湖农商银行', parentId: 'st-danghu' },
  { id: 'bkb-danghu', kind: 'bank_branch', name: '当湖支行', parentId: 'bk-pinghu' },
  { id: DEMO_ALLIANCE, kind: 'alliance', name: '当湖商家自治联盟', parentId: 'st-danghu' },
]

const ZJQ_HEADS = [
  '张建国', '李秀英', '王金林', '陈美华', '沈阿大', '朱根宝', '徐国华', '陆小妹',
  '顾明德', '钱桂英', '孙永康', '周月娥', '吴福根', '郑海林', '冯巧珍', '蒋志刚',
  '褚雪芳', '卫德明', '杨伟忠', '许凤英', '何长生', '吕秀珍', '施建平', '曹玉兰',
  '严国平', '金美娟', '魏根林', '陶菊英', '姜友良', '戚惠芬', '谢阿毛', '邹梅英',
]
const TJ_HEADS = ['沈金宝', '屠雪英', '马建明', '俞小芬', '方林根', '潘月琴', '戴志良', '范凤娟']

export const DEMO_IDENTITIES: readonly { openid: string; name: string; label: string }[] = [
  { openid: 'demo-villager', name: '张建国', label: '村民 张建国（赵家桥村1组）' },
  { openid: 'demo-villager-2', name: '李秀英', label: '村民 李秀英（赵家桥村1组）' },
  { openid: 'demo-grid-leader', name: '王卫东', label: '微网格长 王卫东（第一网格1号微网格）' },
  { openid: 'demo-cadre', name: '陈明华', label: '村干部 陈明华（赵家桥村）' },
  { openid: 'demo-cadre-other', name: '沈国强', label: '村干部 沈国强（通界村）' },
  { openid: 'demo-community', name: '周丽', label: '社区评分员 周丽（东湖社区）' },
  { openid: 'demo-accountant', name: '徐美芳', label: '合作社会计 徐美芳（赵家桥村）' },
  { openid: 'demo-shop', name: '钱小红', label: '超市店员 钱小红（赵家桥村积分超市）' },
  { openid: 'demo-admin', name: '金伟', label: '街道管理员 金伟（当湖街道）' },
  { openid: BANK_OFFICER, name: '顾晓燕', label: '银行信贷员 顾晓燕（平湖农商银行）' },
  { openid: ALLIANCE_COMMITTEE, name: '沈玉梅', label: '联盟委员 沈玉梅（当湖商家自治联盟）' },
  { openid: DEPT_INSPECTOR, name: '陆明', label: '部门检查员 陆明（当湖商家自治联盟）' },
  { openid: MERCHANT_OWNER, name: '吴海林', label: '店主 吴海林（老街面馆）' },
]

const GRANTS: { openid: string; role: StaffRole; orgId: string }[] = [
  { openid: 'demo-grid-leader', role: 'grid_leader', orgId: 'mg-zjq-1-1' },
  { openid: 'demo-cadre', role: 'cadre', orgId: 'v-zjq' },
  { openid: 'demo-cadre-other', role: 'cadre', orgId: 'v-tj' },
  { openid: 'demo-community', role: 'community_scorer', orgId: 'c-donghu' },
  { openid: 'demo-accountant', role: 'accountant', orgId: 'v-zjq' },
  { openid: 'demo-shop', role: 'shop_clerk', orgId: 'shop-zjq' },
  { openid: 'demo-admin', role: 'admin', orgId: 'st-danghu' },
  { openid: BANK_OFFICER, role: 'bank_officer', orgId: 'bk-pinghu' },
  { openid: ALLIANCE_COMMITTEE, role: 'alliance_committee', orgId: DEMO_ALLIANCE },
  { openid: DEPT_INSPECTOR, role: 'dept_inspector', orgId: DEMO_ALLIANCE },
]

const MEMBERS = [
  { openid: 'demo-villager', householdId: 'h-zjq-01' },
  { openid: 'demo-villager-2', householdId: 'h-zjq-02' },
]

type HouseholdSeed = typeof households.$inferInsert & { opening: number }

function demoHouseholds(): HouseholdSeed[] {
  const zjq = ZJQ_HEADS.map((headName, i): HouseholdSeed => {
    const n = i + 1
    const microGrid = ['mg-zjq-1-1', 'mg-zjq-1-2', 'mg-zjq-2-1', 'mg-zjq-2-2'][Math.floor(i / 8)]
    const group = Math.floor(i / 8) + 1
    return {
      id: `h-zjq-${String(n).padStart(2, '0')}`,
      villageId: 'v-zjq',
      groupId: `g-zjq-${group}`,
      microGridId: microGrid,
      headName,
      houseNo: `${group}组${String(n).padStart(2, '0')}号`,
      shares: 3 + (n % 4),
      opening: 60 + ((n * 7) % 41),
    }
  })
  const tj = TJ_HEADS.map((headName, i): HouseholdSeed => {
    const n = i + 1
    return {
      id: `h-tj-${String(n).padStart(2, '0')}`,
      villageId: 'v-tj',
      groupId: 'g-tj-1',
      microGridId: 'mg-tj-1-1',
      communityId: n > 4 ? 'c-donghu' : null,
      headName,
      houseNo: `1组${String(n).padStart(2, '0')}号`,
      shares: 4 + (n % 3),
      opening: 70 + ((n * 11) % 31),
    }
  })
  return [...zjq, ...tj]
}

export type DemoSeedOptions = {
  /**
   * The living demo (for `npm start`): a year of inspections, what is going on today and the matters
   * of 连心议站; tests start from the bare village.
   */
  history?: boolean
  /** Where the gateway keeps photos: the story's evidence photos are put there. */
  photoDir?: string
  /** The day the demo is made on (default now): every date of the story is relative to it. */
  now?: Date
}

/** The year of history starts with the points carried over from the paper cards, a month before it. */
const HISTORY_MONTHS = 13

/** Seeds the demo village once: a database that already has organisations is left alone. */
export async function seedDemoIfEmpty(db: Db, options: DemoSeedOptions = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting on one fresh database must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`)
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(orgs)
    if (count > 0) return false
    const paths = new Map<string, string>()
    for (const org of ORGS) {
      const path = childPath(org.parentId ? paths.get(org.parentId)! : null, org.id)
      paths.set(org.id, path)
      await tx.insert(orgs).values({ ...org, path, settings: org.settings ?? {} })
    }
    const seeded = demoHouseholds()
    await tx.insert(users).values(DEMO_IDENTITIES.map(({ openid, name }) => ({ openid, displayName: name })))
    await tx.insert(roleGrants).values(GRANTS)
    const clock = demoClock(options.now ?? new Date())
    const openedAt = options.history ? clock.dayOfMonth(HISTORY_MONTHS, 1, 9)! : undefined
    for (const { opening, ...household } of seeded) {
      await tx.insert(households).values(household)
      await appendLedgerEntry(tx, { householdId: household.id, points: opening, kind: 'opening', note: '纸质积分卡期初积分结转', at: openedAt })
    }
    await tx.insert(householdMembers).values(MEMBERS)
    await seedDemoRules(tx, openedAt ?? clock.now)
    await seedDemoShop(tx)
    await seedDemoBankTerms(tx, clock)
    await seedDemoAlliance(tx, clock)
    if (options.history) await seedLivingDemo(tx, clock, options.photoDir, seeded)
    if (options.history) await seedDemoMatters(tx, clock.now)
    if (options.history) await seedDemoCertificate(tx, clock)
    // The clock has already run today: its reminders and the staff's digests are in 我的消息.
    if (options.history) await sendReminders(tx, skipSubscribeMessage, latestWakingMoment(clock.now))
    return true
  })
}

/** The year of inspections and today's goings-on, played in time order through the services. */
async function seedLivingDemo(tx: Db, clock: ReturnType<typeof demoClock>, photoDir: string | undefined, seeded: HouseholdSeed[]) {
  // The story's other people: 通界村's grid leader and one family member in some households.
  await tx.insert(users).values([
    { openid: TJ_GRID_LEADER.openid, displayName: TJ_GRID_LEADER.name },
    ...STORY_MEMBER_HOUSEHOLDS.map((id) => ({ openid: memberOf(id), displayName: seeded.find((h) => h.id === id)!.headName })),
  ])
  await tx.insert(roleGrants).values({ openid: TJ_GRID_LEADER.openid, role: 'grid_leader', orgId: 'mg-tj-1-1' })
  await tx.insert(householdMembers).values(STORY_MEMBER_HOUSEHOLDS.map((householdId) => ({ openid: memberOf(householdId), householdId })))
  const story = demoStory(tx, clock, await saveDemoPhotos(photoDir))
  const inVillage = (villageId: string) =>
    seeded.filter((h) => h.villageId === villageId).map((h, index) => ({ id: h.id!, index, microGridId: h.microGridId! }))
  await planVillageSettings(tx)
  planInspections(story, inVillage('v-zjq'), inVillage('v-tj'))
  const activity = planActivity(story)
  await story.play()
  await activity.afterwards(tx)
}
