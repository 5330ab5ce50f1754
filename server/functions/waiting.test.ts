import { eq } from 'drizzle-orm'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { notices } from '../store/schema'
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

beforeAll(async () => {
  database = await openDemoTestDatabase()
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

  it('When someone not registered asks, then the answer is the plain not-registered error', async () => {
    expect(await call(accountFunction, 'stranger', { action: 'waiting' })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  })
})
