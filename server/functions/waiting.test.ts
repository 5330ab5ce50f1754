import { and, eq } from 'drizzle-orm'
import type { MatterDetail } from '../../src/core/contracts/matter'
import { CERTIFICATE_VALID_DAYS } from '../../src/core/credit/certificate'
import { MATTER_STAFF_ROLES } from '../../src/core/matter-policy'
import { PERMISSIONS } from '../../src/core/policy'
import { ANSWER_SHOWN_DAYS } from '../../src/core/reminders'
import { localPlatform } from '../platform/local/platform'
import { whatWaits } from '../services/account/waiting'
import { issueCertificate } from '../services/credit/certificates'
import { loadCaller } from '../services/shared/caller'
import { mattersUnder, selectMatterViews } from '../services/matter/views'
import type { Database } from '../store/database'
import { householdMembers, matters, notices, roleGrants, users } from '../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../test-support/test-database'
import { accountFunction } from './account'
import { matterFunction } from './matter'
import { noticeFunction } from './notice'
import { scoreFunction } from './score'

const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
const PROOF = 'local://1c8a4d2f-0b66-4d66-8e1f-4b2a7c8d9e0f.jpg'

let database: Database
let ruleIds: Record<string, number>
let seq = 0
const rid = () => `req-waiting-${++seq}-${Date.now()}`

/** The SQL statements sent while `counting` is on. */
let counting = false
const statements: string[] = []

beforeAll(async () => {
  database = await openDemoTestDatabase({ onStatement: (text) => void (counting && statements.push(text)) })
  ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
})
afterAll(() => database.close())

const call = (fn: typeof accountFunction, openid: string, event: Record<string, unknown>) => fn.invoke({ db: database.db, openid, event, platform: localPlatform })
async function ok<T = any>(answer: Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>): Promise<T> {
  const a = await answer
  if (!a.ok) throw new Error(`${a.error!.code}: ${a.error!.message}`)
  return a.data as T
}
const waiting = (openid: string) => ok(call(accountFunction, openid, { action: 'waiting' }))
const workOf = (w: any, key: string, orgId: string) => w.work.find((x: any) => x.key === key && x.orgId === orgId) ?? { count: 0, overdue: 0 }

describe('what waits for each person on 首页', () => {
  it('When a grid leader deducts under a restorable rule, then the household sees the 整改 with its deadline; after proof, the grid leader and the cadre see one more to check; after acceptance, neither', async () => {
    const before = await waiting('demo-villager')
    const leaderBefore = workOf(await waiting('demo-grid-leader'), 'notice-verify', 'mg-zjq-1-1')
    const walk = await ok(call(scoreFunction, 'demo-grid-leader', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-01'], ruleId: ruleIds['env-clutter'], photos: [PHOTO], note: '门口堆放杂物' }))
    const [opened] = await database.db.select().from(notices).where(eq(notices.deductionEntryId, walk.results[0].entryId))

    const after = await waiting('demo-villager')
    expect(after.notices).toHaveLength(before.notices.length + 1)
    expect(after.notices.find((n: any) => n.id === opened.id)).toEqual({
      id: opened.id,
      problem: '门口堆放杂物',
      ruleTitle: expect.any(String),
      points: 5,
      status: 'open',
      deadline: opened.deadline.toISOString(),
    })
    // In 积分明细 the deduction's line leads to the same notice (去整改).
    const ledger = await ok(call(scoreFunction, 'demo-villager', { action: 'ledger', limit: 5 }))
    expect(ledger.lines.find((l: any) => l.id === walk.results[0].entryId)).toMatchObject({ points: -5, notice: { id: opened.id, status: 'open' } })
    // Another household of the same micro-grid is not told about it.
    expect((await waiting('demo-villager-2')).notices.map((n: any) => n.id)).not.toContain(opened.id)

    await ok(call(noticeFunction, 'demo-villager', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] }))
    expect((await waiting('demo-villager')).notices.find((n: any) => n.id === opened.id)).toMatchObject({ status: 'proof_submitted' })
    const leader = await waiting('demo-grid-leader')
    expect(workOf(leader, 'notice-verify', 'mg-zjq-1-1').count).toBe(leaderBefore.count + 1)
    const check = await ok(call(noticeFunction, 'demo-grid-leader', { action: 'awaitingCheck', orgId: 'mg-zjq-1-1' }))
    expect(workOf(leader, 'notice-verify', 'mg-zjq-1-1')).toMatchObject({ count: check.toVerify.length + check.overdue.length, overdue: check.overdue.length })

    await ok(call(noticeFunction, 'demo-grid-leader', { action: 'verify', requestId: rid(), noticeId: opened.id, accept: true }))
    expect((await waiting('demo-villager')).notices.map((n: any) => n.id)).not.toContain(opened.id)
    expect(workOf(await waiting('demo-grid-leader'), 'notice-verify', 'mg-zjq-1-1').count).toBe(leaderBefore.count)
  })

  it('When scores wait for approval and matters for a step, then the cadre reads the numbers the review and work pages list; a villager, the shop clerk and the bank see no work', async () => {
    const leaderBefore = workOf(await waiting('demo-grid-leader'), 'matter-work', 'mg-zjq-1-1').count
    await ok(call(matterFunction, 'demo-villager', { action: 'raise', requestId: rid(), text: '坟浜河岸塌了一段，晚上走路危险', place: '坟浜东头', photos: [] }))
    expect(workOf(await waiting('demo-grid-leader'), 'matter-work', 'mg-zjq-1-1').count).toBe(leaderBefore + 1)
    const cadre = await waiting('demo-cadre')
    const pending = await ok(call(scoreFunction, 'demo-cadre', { action: 'pending', orgId: 'v-zjq' }))
    expect(workOf(cadre, 'review', 'v-zjq').count).toBe(pending.records.length + pending.appeals.length)
    expect(workOf(cadre, 'review', 'v-zjq').oldestAt).toBe([...pending.records, ...pending.appeals].map((r: any) => r.createdAt).sort()[0])
    const matters = await ok(call(matterFunction, 'demo-cadre', { action: 'workList', orgId: 'v-zjq' }))
    expect(workOf(cadre, 'matter-work', 'v-zjq')).toMatchObject({
      count: matters.matters.length,
      overdue: matters.matters.filter((m: any) => m.status === 'overdue').length,
    })
    expect(matters.matters.length).toBeGreaterThan(0)
    // The other village's cadre reads only his own village's work.
    expect((await waiting('demo-cadre-other')).work.every((w: any) => w.orgId === 'v-tj')).toBe(true)
    for (const openid of ['demo-villager', 'demo-shop', 'demo-bank']) expect((await waiting(openid)).work).toEqual([])
    expect((await waiting('demo-cadre')).notices).toEqual([])
  })

  it('When a cadre belongs to a household of his village, then its claim is neither listed for him nor counted on his 首页, while the neighbour’s is', async () => {
    const tidy = ruleIds['volunteer-service']
    await database.db.insert(householdMembers).values({ householdId: 'h-zjq-02', openid: 'demo-cadre' })
    try {
      const own = await ok(call(scoreFunction, 'demo-villager-2', { action: 'claim', requestId: rid(), ruleId: tidy, photos: [PHOTO] }))
      const neighbour = await ok(call(scoreFunction, 'demo-villager', { action: 'claim', requestId: rid(), ruleId: tidy, photos: [PHOTO] }))
      const listed = await ok(call(scoreFunction, 'demo-cadre', { action: 'pending', orgId: 'v-zjq' }))
      const ids = listed.records.map((r: any) => r.id)
      expect(ids).toContain(neighbour.id)
      expect(ids).not.toContain(own.id)
      expect(workOf(await waiting('demo-cadre'), 'review', 'v-zjq').count).toBe(listed.records.length + listed.appeals.length)
      // Once he no longer belongs to it, its claim is his to decide like any other.
      await database.db.delete(householdMembers).where(and(eq(householdMembers.householdId, 'h-zjq-02'), eq(householdMembers.openid, 'demo-cadre')))
      const unbound = await ok(call(scoreFunction, 'demo-cadre', { action: 'pending', orgId: 'v-zjq' }))
      expect(unbound.records.map((r: any) => r.id)).toEqual(expect.arrayContaining([own.id, neighbour.id]))
    } finally {
      await database.db.delete(householdMembers).where(and(eq(householdMembers.householdId, 'h-zjq-02'), eq(householdMembers.openid, 'demo-cadre')))
    }
  })

  it('When someone not registered asks, then the answer is the plain not-registered error', async () => {
    expect(await call(accountFunction, 'stranger', { action: 'waiting' })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  })
})

const DAY = 24 * 3600 * 1000

describe('one definition per kind of waiting work: 首页 and the clock count what the pages list', () => {
  /** Staff of every kind (the alliance's committee member and inspector too), and one person holding five roles on four organisations (two roles on one). */
  const STAFF = ['demo-cadre', 'demo-grid-leader', 'demo-admin', 'demo-cadre-other', 'demo-alliance', 'demo-inspector', 'demo-many-roles']
  const raised: Record<string, number> = {}

  beforeAll(async () => {
    const db = database.db
    await db.insert(users).values({ openid: 'demo-many-roles', displayName: '多岗位' })
    await db.insert(roleGrants).values([
      { openid: 'demo-many-roles', role: 'cadre', orgId: 'v-zjq' },
      { openid: 'demo-many-roles', role: 'cadre', orgId: 'v-tj' },
      { openid: 'demo-many-roles', role: 'grid_leader', orgId: 'mg-zjq-1-2' },
      { openid: 'demo-many-roles', role: 'grid_leader', orgId: 'v-zjq' },
      { openid: 'demo-many-roles', role: 'admin', orgId: 'st-danghu' },
    ])
    // 连心议站 in every state: collected, accepted, handled by a cadre (one overdue), escalated to the
    // street (one overdue), answered (李秀英 met it too), rated, declined, merged.
    const raise = async (key: string, by = 'demo-villager') => {
      const matter = await ok<MatterDetail>(call(matterFunction, by, { action: 'raise', requestId: rid(), text: `议事 ${key}：村里的事要办`, place: '村口', photos: [] }))
      raised[key] = matter.id
      return matter.id
    }
    const step = (openid: string, action: string, matterId: number, extra: Record<string, unknown> = {}) =>
      ok(call(matterFunction, openid, { action, requestId: rid(), matterId, ...extra }))
    await raise('collected')
    await step('demo-grid-leader', 'accept', await raise('accepted'))
    for (const key of ['cadre', 'cadre-overdue', 'street', 'street-overdue', 'answered', 'rated']) {
      const id = await raise(key, key === 'rated' ? 'demo-villager-2' : 'demo-villager')
      await step('demo-cadre', 'accept', id)
      await step('demo-cadre', 'assign', id, key.startsWith('street') ? { to: 'street', days: 7 } : { to: 'cadre', cadreOpenid: 'demo-cadre', days: 7 })
    }
    await db.update(matters).set({ dueAt: new Date(Date.now() - DAY) }).where(eq(matters.id, raised['cadre-overdue']))
    await db.update(matters).set({ dueAt: new Date(Date.now() - 2 * DAY) }).where(eq(matters.id, raised['street-overdue']))
    await step('demo-villager-2', 'second', raised.answered)
    await step('demo-cadre', 'feedback', raised.answered, { outcome: '已经请人修好了', photos: [] })
    await step('demo-cadre', 'feedback', raised.rated, { outcome: '路灯换好了', photos: [] })
    await step('demo-villager-2', 'rate', raised.rated, { rating: 'satisfied' })
    await step('demo-grid-leader', 'decline', await raise('declined'), { reason: '不是村里能办的事' })
    await step('demo-grid-leader', 'merge', await raise('merged'), { intoId: raised.collected })
    // 整改: one overdue, one with proof waiting to be checked.
    for (const [householdId, note] of [['h-zjq-03', '柴火堆在路边'], ['h-zjq-12', '院墙外乱堆建材']] as const) {
      const walk = await ok(call(scoreFunction, 'demo-cadre', { action: 'submit', requestId: rid(), householdIds: [householdId], ruleId: ruleIds['env-clutter'], photos: [PHOTO], note }))
      if (householdId === 'h-zjq-03') await db.update(notices).set({ deadline: new Date(Date.now() - 3 * DAY) }).where(eq(notices.deductionEntryId, walk.results[0].entryId))
    }
    // The alliance's inspector deducts the noodle shop under a rule that opens a notice, now overdue: the alliance's 整改核验 counts merchants.
    const allianceRules = await ok(call(scoreFunction, 'demo-inspector', { action: 'rules', orgId: 'al-danghu' }))
    const restorable = allianceRules.rules.find((r: any) => r.restorable && r.points < 0)
    const shopWalk = await ok(call(scoreFunction, 'demo-inspector', { action: 'submit', requestId: rid(), householdIds: ['m-danghu-01'], ruleId: restorable.id, photos: [PHOTO], note: '后厨生熟未分开' }))
    await db.update(notices).set({ deadline: new Date(Date.now() - DAY) }).where(eq(notices.deductionEntryId, shopWalk.results[0].entryId))
  })

  it('When each kind is counted for every organisation of every role, then 首页 reads exactly what 待我审核, 整改核验 and 议事待办 list there, overdue and oldest included', async () => {
    let compared = 0
    for (const openid of STAFF) {
      const caller = await loadCaller(database.db, openid)
      const work = (await waiting(openid)).work
      // Each organisation and kind once, and only with something waiting.
      expect(work.map((w: any) => `${w.key} ${w.orgId}`)).toEqual([...new Set(work.map((w: any) => `${w.key} ${w.orgId}`))])
      expect(work.every((w: any) => w.count > 0)).toBe(true)
      const orgs = [...new Set(caller.grants.map((g) => g.org.id))]
      for (const orgId of orgs) {
        const roles = caller.grants.filter((g) => g.org.id === orgId).map((g) => g.role)
        const lists: { key: string; rows: { at: string; overdue: boolean }[] }[] = []
        const mayDo = (permission: keyof typeof PERMISSIONS) => roles.some((r) => (PERMISSIONS[permission] as readonly string[]).includes(r))
        if (mayDo('decideScores')) {
          const pending = await ok(call(scoreFunction, openid, { action: 'pending', orgId }))
          lists.push({ key: 'review', rows: [...pending.records, ...pending.appeals].map((r: any) => ({ at: r.createdAt, overdue: false })) })
        }
        if (mayDo('score')) {
          const check = await ok(call(noticeFunction, openid, { action: 'awaitingCheck', orgId }))
          lists.push({ key: 'notice-verify', rows: [...check.toVerify, ...check.overdue].map((n: any) => ({ at: n.openedAt, overdue: n.status === 'overdue' })) })
        }
        if (roles.some((r) => MATTER_STAFF_ROLES.includes(r))) {
          const list = await ok(call(matterFunction, openid, { action: 'workList', orgId }))
          lists.push({ key: 'matter-work', rows: list.matters.map((m: any) => ({ at: m.raisedAt, overdue: m.status === 'overdue' })) })
        }
        for (const { key, rows } of lists) {
          const counted = work.find((w: any) => w.key === key && w.orgId === orgId)
          const listed = rows.length === 0 ? undefined : { orgId, key, count: rows.length, overdue: rows.filter((r) => r.overdue).length, oldestAt: rows.map((r) => r.at).sort()[0] }
          expect([openid, counted]).toEqual([openid, listed])
          compared += 1
        }
      }
      // Nothing is counted on an organisation the caller holds no role on.
      expect(work.every((w: any) => orgs.includes(w.orgId))).toBe(true)
    }
    expect(compared).toBeGreaterThanOrEqual(12)
    // The demo's story shows in the counts: overdue matters for the village's cadre and the street's admin, an overdue notice for the checkers.
    // The village's cadre may 办理 an escalated matter too (its 办理进展): both overdue ones are his work.
    expect(workOf(await waiting('demo-cadre'), 'matter-work', 'v-zjq').overdue).toBe(2)
    expect(workOf(await waiting('demo-admin'), 'matter-work', 'st-danghu')).toMatchObject({ count: 2, overdue: 1 })
    expect(workOf(await waiting('demo-grid-leader'), 'notice-verify', 'mg-zjq-1-1').overdue).toBeGreaterThanOrEqual(1)
    expect(workOf(await waiting('demo-inspector'), 'notice-verify', 'al-danghu')).toMatchObject({ count: 1, overdue: 1 })
  })

  it('When 议事待办 is read by its one condition, then it holds exactly the matters where the state machine gives the caller a staff step', async () => {
    for (const openid of STAFF) {
      const caller = await loadCaller(database.db, openid)
      for (const grant of caller.grants.filter((g) => MATTER_STAFF_ROLES.includes(g.role))) {
        const list = await ok(call(matterFunction, openid, { action: 'workList', orgId: grant.org.id }))
        const all = await selectMatterViews(database.db, mattersUnder(grant.org.path), caller)
        const stepsForStaff = all.filter((m) => m.steps.some((s) => s !== 'rate')).map((m) => m.id)
        expect([openid, grant.org.id, list.matters.map((m: any) => m.id).sort()]).toEqual([openid, grant.org.id, stepsForStaff.sort()])
        for (const m of list.matters) expect(m.mayTake.length).toBeGreaterThan(0)
      }
    }
    // The cases the table turns on: the street's admin acts only on escalated matters; answered, rated, declined and merged ones wait for no staff.
    const admin = (await ok(call(matterFunction, 'demo-admin', { action: 'workList', orgId: 'st-danghu' }))).matters.map((m: any) => m.id)
    expect(admin.sort()).toEqual([raised.street, raised['street-overdue']].sort())
    const cadre = (await ok(call(matterFunction, 'demo-cadre', { action: 'workList', orgId: 'v-zjq' }))).matters.map((m: any) => m.id)
    for (const key of ['collected', 'accepted', 'cadre', 'cadre-overdue', 'street', 'street-overdue']) expect(cadre).toContain(raised[key])
    for (const key of ['answered', 'rated', 'declined', 'merged']) expect(cadre).not.toContain(raised[key])
  })

  it('When a person holds five roles on four organisations, then 首页 is counted by one statement per kind, as for a person with one role', async () => {
    const countedFor = async (openid: string) => {
      statements.length = 0
      counting = true
      try {
        await waiting(openid)
      } finally {
        counting = false
      }
      return { all: statements.length, tallies: statements.filter((text) => text.includes('count(*) filter')).length }
    }
    const many = await countedFor('demo-many-roles')
    const one = await countedFor('demo-cadre')
    expect(many.tallies).toBe(3)
    expect(one.tallies).toBe(3)
    expect(many.all).toBe(one.all)
    expect((await waiting('demo-many-roles')).work.map((w: any) => w.orgId)).toEqual(expect.arrayContaining(['v-zjq', 'st-danghu']))
  })

  it('When a matter is answered, then its raiser sees the answer on 首页 until rating it and a 我也遇到 household for a week; a 积分证明 shows in its last 3 days, as the clock announces it', async () => {
    const zhang = await waiting('demo-villager')
    expect(zhang.answers).toEqual([{ id: raised.answered, text: '议事 answered：村里的事要办', outcome: '已经请人修好了', answeredAt: expect.any(String), raisedByUs: true }])
    const li = await waiting('demo-villager-2')
    // Her own rated matter is no news; the one she met too is.
    expect(li.answers.map((a: any) => [a.id, a.raisedByUs])).toEqual([[raised.answered, false]])
    expect((await waiting('demo-cadre')).answers).toEqual([])

    const later = new Date(Date.now() + (ANSWER_SHOWN_DAYS + 1) * DAY)
    expect((await whatWaits(database.db, 'demo-villager-2', later)).answers).toEqual([])
    await ok(call(matterFunction, 'demo-villager', { action: 'rate', requestId: rid(), matterId: raised.answered, rating: 'satisfied' }))
    expect((await waiting('demo-villager')).answers).toEqual([])
    expect((await waiting('demo-villager-2')).answers.map((a: any) => a.id)).toEqual([raised.answered])

    expect(zhang.certificates).toEqual([])
    // Asked for 28 days ago: it expires in 2 days.
    const issued = await issueCertificate(database.db, 'demo-villager', { bankId: 'bk-pinghu', showName: false }, new Date(Date.now() - (CERTIFICATE_VALID_DAYS - 2) * DAY))
    expect((await waiting('demo-villager')).certificates).toEqual([{ bankName: '平湖农商银行', expiresAt: issued.expiresAt }])
    expect((await waiting('demo-villager-2')).certificates).toEqual([])
    // Not yet within the last 3 days a day after it was asked for; gone once expired.
    expect((await whatWaits(database.db, 'demo-villager', new Date(Date.now() - 26 * DAY))).certificates).toEqual([])
    expect((await whatWaits(database.db, 'demo-villager', new Date(Date.now() + 3 * DAY))).certificates).toEqual([])
  })
})
