import { and, eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { localPlatform } from '../platform/local/platform'
import { AppError } from '../../src/core/errors'
import type { Platform } from '../platform/platform'
import type { Database } from '../store/database'
import { households, ledgerEntries, messages, notices, orgs, subscriptionGrants, wechatGroups } from '../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../test-support/test-database'
import { noticeFunction } from './notice'
import { scoreFunction } from './score'

const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
const PROOF = 'local://1c8a4d2f-0b66-4d66-8e1f-4b2a7c8d9e0f.jpg'
/** A platform whose WeChat group tickets are known: anything else is a forged ticket. */
const platform: Platform = {
  ...localPlatform,
  resolveGroupTicket: async (cloudId) => {
    const known: Record<string, string> = { 'ticket-zjq-group': 'G-ZJQ-1', 'ticket-tj-group': 'G-TJ-1', 'ticket-other': 'G-OTHER' }
    if (!known[cloudId]) throw new AppError('INVALID_GROUP_TICKET')
    return known[cloudId]
  },
}

let database: Database
let ruleIds: Record<string, number>
let seq = 0
const rid = () => `req-notice-${++seq}-${Date.now()}`

beforeAll(async () => {
  database = await openDemoTestDatabase()
  ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
})
afterAll(() => database.close())

const notice = (openid: string, event: Record<string, unknown>) => noticeFunction.invoke({ db: database.db, openid, event, platform })
const score = (openid: string, event: Record<string, unknown>) => scoreFunction.invoke({ db: database.db, openid, event, platform })
async function ok<T = any>(answer: Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>): Promise<T> {
  const a = await answer
  if (!a.ok) throw new Error(`${a.error!.code}: ${a.error!.message}`)
  return a.data as T
}
async function balanceOf(id: string) {
  const [row] = await database.db.select({ balance: households.balance }).from(households).where(eq(households.id, id))
  return row.balance
}
async function restorationsOf(deductionEntryId: number) {
  return database.db.select().from(ledgerEntries).where(eq(ledgerEntries.reversesEntryId, deductionEntryId))
}
/** A restorable deduction by the grid leader: returns the notice it opened. */
async function deduct(householdId: string, code = 'env-clutter') {
  const walk = await ok(score('demo-grid-leader', { action: 'submit', requestId: rid(), householdIds: [householdId], ruleId: ruleIds[code], photos: [PHOTO], note: '门口堆放杂物' }))
  const [row] = await database.db.select().from(notices).where(eq(notices.deductionEntryId, walk.results[0].entryId))
  return row
}

describe('the rectification loop', () => {
  it('When a restorable deduction is made, then a 待整改 notice appears in the group channel, masked for neighbours and full for the household', async () => {
    const opened = await deduct('h-zjq-01')
    expect(opened).toMatchObject({ status: 'open', channelOrgId: 'g-zjq-1', points: 5, householdId: 'h-zjq-01' })
    const neighbour = await ok(notice('demo-villager-2', { action: 'channel', orgId: 'g-zjq-1' }))
    const seen = neighbour.notices.find((n: any) => n.id === opened.id)
    expect(seen).toMatchObject({ householdLabel: '1组 张**', masked: true, statusLabel: '待整改', householdId: null, proof: null })
    expect(JSON.stringify(seen)).not.toContain('张建国')
    const own = await ok(notice('demo-villager', { action: 'detail', noticeId: opened.id }))
    expect(own).toMatchObject({ householdLabel: '1组01号 张建国', masked: false, mine: true })
  })

  it('When the household submits proof and a scorer accepts it, then the points come back once and the channel shows 已整改 with the time taken', async () => {
    const opened = await deduct('h-zjq-02')
    const afterDeduction = await balanceOf('h-zjq-02')
    await ok(notice('demo-villager-2', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF], note: '杂物已经清走' }))
    const verify = { action: 'verify', requestId: rid(), noticeId: opened.id, accept: true }
    const first = await ok(notice('demo-grid-leader', verify))
    expect(first).toMatchObject({ status: 'rectified', statusLabel: '已整改', hoursToRectify: 0 })
    expect(await ok(notice('demo-grid-leader', verify))).toEqual(first)
    expect(await notice('demo-cadre', { ...verify, requestId: rid() })).toMatchObject({ ok: false, error: { code: 'NOTICE_STATE' } })
    expect(await balanceOf('h-zjq-02')).toBe(afterDeduction + 5)
    // Given back under the deduction's rule and scorer (the grid leader's micro-grid), so totals by origin net out.
    const [deduction] = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, opened.deductionEntryId))
    expect(deduction.scorerOrgId).toBe('mg-zjq-1-1')
    expect(await restorationsOf(opened.deductionEntryId)).toEqual([
      expect.objectContaining({ kind: 'restoration', points: 5, ruleId: deduction.ruleId, scorerOrgId: 'mg-zjq-1-1' }),
    ])
    const channel = await ok(notice('demo-villager', { action: 'channel', orgId: 'g-zjq-1' }))
    expect(channel.notices.find((n: any) => n.id === opened.id)).toMatchObject({ statusLabel: '已整改', rectifiedAt: expect.any(String) })
  })

  it('When proof is rejected, then the notice is 待整改 again with the reason, and a later acceptance restores once', async () => {
    await database.db.execute(sql`insert into household_members (household_id, openid) values ('h-zjq-03', 'demo-accountant')`)
    const opened = await deduct('h-zjq-03')
    expect(await notice('demo-cadre', { action: 'open', requestId: rid(), entryId: opened.deductionEntryId })).toMatchObject({
      ok: false,
      error: { code: 'NOTICE_STATE' },
    })
    const member = 'demo-villager'
    await ok(notice('demo-accountant', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] }))
    const rejected = await ok(notice('demo-grid-leader', { action: 'verify', requestId: rid(), noticeId: opened.id, accept: false, reason: '门口还有砖头' }))
    expect(rejected).toMatchObject({ status: 'open', rejectionReason: '门口还有砖头' })
    expect(await notice(member, { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    await ok(notice('demo-accountant', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] }))
    await ok(notice('demo-grid-leader', { action: 'verify', requestId: rid(), noticeId: opened.id, accept: true }))
    expect(await restorationsOf(opened.deductionEntryId)).toHaveLength(1)
    const texts = await database.db.select({ title: messages.title }).from(messages).where(eq(messages.openid, 'demo-accountant'))
    expect(texts.map((m) => m.title)).toEqual(['您家有一条整改通报', '整改没有通过，请再整改', '整改已核验，积分已返还'])
  })

  it('When the deadline passes, then the notice shows 逾期, takes no proof and restores nothing until a cadre extends it', async () => {
    const opened = await deduct('h-zjq-04')
    await database.db.update(notices).set({ deadline: new Date(Date.now() - 3600_000) }).where(eq(notices.id, opened.id))
    const view = await ok(notice('demo-cadre', { action: 'detail', noticeId: opened.id }))
    expect(view.statusLabel).toBe('逾期')
    await database.db.execute(sql`insert into household_members (household_id, openid) values ('h-zjq-04', 'demo-shop')`)
    expect(await notice('demo-shop', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] })).toMatchObject({
      ok: false,
      error: { code: 'NOTICE_STATE' },
    })
    expect(await notice('demo-grid-leader', { action: 'extend', requestId: rid(), noticeId: opened.id, days: 3 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const extended = await ok(notice('demo-cadre', { action: 'extend', requestId: rid(), noticeId: opened.id, days: 3 }))
    expect(extended.statusLabel).toBe('待整改')
    await ok(notice('demo-shop', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] }))
  })

  it('When the deduction is overturned on appeal, then its notice is withdrawn and can no longer be restored', async () => {
    const opened = await deduct('h-zjq-01', 'env-ditch')
    const appeal = await ok(score('demo-villager', { action: 'appeal', requestId: rid(), entryId: opened.deductionEntryId, reason: '不是我家倒的' }))
    await ok(score('demo-cadre', { action: 'decideAppeal', requestId: rid(), appealId: appeal.id, overturn: true }))
    const view = await ok(notice('demo-villager', { action: 'detail', noticeId: opened.id }))
    expect(view.statusLabel).toBe('已撤销')
    expect(await notice('demo-villager', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] })).toMatchObject({
      ok: false,
      error: { code: 'NOTICE_STATE' },
    })
    expect(await restorationsOf(opened.deductionEntryId)).toHaveLength(1)
  })
})

describe('what waits for a scorer', () => {
  it('When proof waits in a grid leader’s micro-grid, then it is listed for them, and not for another village’s cadre', async () => {
    await database.db.execute(sql`insert into household_members (household_id, openid) select 'h-zjq-08', 'demo-cadre-other' where not exists (select 1 from household_members where openid = 'demo-cadre-other')`)
    const opened = await deduct('h-zjq-08')
    await ok(notice('demo-cadre-other', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] }))
    const waiting = await ok(notice('demo-grid-leader', { action: 'awaitingCheck', orgId: 'mg-zjq-1-1' }))
    expect(waiting.toVerify.map((n: any) => n.id)).toContain(opened.id)
    expect(waiting.toVerify.every((n: any) => n.status === 'proof_submitted' && n.publicLabel.includes('*'))).toBe(true)
    expect(await notice('demo-cadre-other', { action: 'awaitingCheck', orgId: 'v-zjq' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('整改通报 opened without naming a village', () => {
  it('When staff with no household open it, then they see their own village’s groups; the street’s admin is told to open it from a village', async () => {
    for (const openid of ['demo-grid-leader', 'demo-cadre', 'demo-shop']) {
      const channels = await ok<{ name: string }[]>(notice(openid, { action: 'channels' }))
      expect(channels.map((c) => c.name)).toEqual(['1组', '2组', '3组', '4组'])
    }
    expect(await notice('demo-admin', { action: 'channels' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '您负责的不止一个村，请从村里的页面打开整改通报' },
    })
  })
})

describe('who may do what', () => {
  it('When someone outside the scope opens or verifies, then FORBIDDEN and nothing changes', async () => {
    const opened = await deduct('h-zjq-05')
    await database.db.execute(sql`insert into household_members (household_id, openid) values ('h-zjq-05', 'demo-admin')`)
    await ok(notice('demo-admin', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] }))
    for (const openid of ['demo-cadre-other', 'demo-villager', 'demo-shop', 'demo-accountant']) {
      expect(await notice(openid, { action: 'verify', requestId: rid(), noticeId: opened.id, accept: true })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    expect(await notice('demo-villager', { action: 'open', requestId: rid(), entryId: opened.deductionEntryId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await restorationsOf(opened.deductionEntryId)).toHaveLength(0)
  })

  it('When a villager of another village reads this village’s channel, then FORBIDDEN', async () => {
    await database.db.execute(sql`insert into users (openid, display_name) values ('tj-villager', '马建明')`)
    await database.db.execute(sql`insert into household_members (household_id, openid) values ('h-tj-03', 'tj-villager')`)
    expect(await notice('tj-villager', { action: 'channel', orgId: 'g-zjq-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('the 通报 shared into WeChat groups', () => {
  let bulletinId: number
  beforeAll(async () => {
    await deduct('h-zjq-06')
    const candidates = await ok(notice('demo-cadre', { action: 'candidates', orgId: 'v-zjq' }))
    const bulletin = await ok(notice('demo-cadre', { action: 'postBulletin', requestId: rid(), orgId: 'v-zjq', noticeIds: candidates.map((n: any) => n.id) }))
    bulletinId = bulletin.id
    expect(bulletin.notices.length).toBe(candidates.length)
  })

  it('When the card is opened from a group, then the group is recorded as one of the village’s and the 通报 shows', async () => {
    const opened = await ok(notice('demo-villager', { action: 'openFromGroup', requestId: rid(), bulletinId, cloudId: 'ticket-zjq-group' }))
    expect(opened.notices.length).toBeGreaterThan(0)
    const [group] = await database.db.select().from(wechatGroups).where(eq(wechatGroups.openGId, 'G-ZJQ-1'))
    expect(group).toMatchObject({ villageId: 'v-zjq', recordedBy: 'demo-villager' })
  })

  it('When the ticket is forged, then INVALID_GROUP_TICKET and nothing is recorded', async () => {
    expect(await notice('demo-villager', { action: 'openFromGroup', requestId: rid(), bulletinId, cloudId: 'made-up-ticket' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_GROUP_TICKET' },
    })
  })

  it('When the card is opened in a group that belongs to another village, then FOREIGN_GROUP and nothing private shows', async () => {
    await database.db.insert(wechatGroups).values({ openGId: 'G-TJ-1', villageId: 'v-tj', recordedBy: 'demo-cadre-other' })
    const answer = await notice('demo-villager', { action: 'openFromGroup', requestId: rid(), bulletinId, cloudId: 'ticket-tj-group' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'FOREIGN_GROUP' } })
    expect(JSON.stringify(answer)).not.toMatch(/张|李|王/)
  })

  it('When an outsider opens the card in an unknown group, then FORBIDDEN and the group is not recorded', async () => {
    expect(await notice('tj-villager', { action: 'openFromGroup', requestId: rid(), bulletinId, cloudId: 'ticket-other' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await database.db.select().from(wechatGroups).where(eq(wechatGroups.openGId, 'G-OTHER'))).toHaveLength(0)
  })
})

describe('numbers and messages', () => {
  it('When cadres ask for a month, then opened, rectified, overdue, rate and median time add up', async () => {
    const { periodsOf } = await import('../../src/core/period')
    const stats = await ok(notice('demo-cadre', { action: 'stats', orgId: 'v-zjq', period: periodsOf(new Date()).month }))
    const rows = await database.db.select().from(notices).where(and(eq(notices.villageId, 'v-zjq'), sql`${notices.status} <> 'withdrawn'`))
    expect(stats.opened).toBe(rows.length)
    expect(stats.rectified).toBe(rows.filter((r) => r.status === 'rectified').length)
    expect(stats.rectificationRate).toBeCloseTo(stats.rectified / stats.opened)
    expect(stats.medianHoursToRectify).toBe(0)
    expect(await notice('demo-villager', { action: 'stats', orgId: 'v-zjq', period: '2026' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const microGrid = await ok(notice('demo-grid-leader', { action: 'stats', orgId: 'mg-zjq-1-1', period: periodsOf(new Date()).month }))
    expect(microGrid.opened).toBe(stats.opened)
  })

  it('When a villager granted one subscribe message, then one notification uses it and the next only lands in the app', async () => {
    await ok(notice('demo-villager-2', { action: 'grantSubscription', requestId: rid(), template: 'notice', granted: 1 }))
    await deduct('h-zjq-02', 'waste-wrong')
    await deduct('h-zjq-02', 'safety-charging')
    const [grant] = await database.db.select().from(subscriptionGrants).where(eq(subscriptionGrants.openid, 'demo-villager-2'))
    expect(grant.available).toBe(0)
    const inbox = await ok(notice('demo-villager-2', { action: 'messages' }))
    expect(inbox.messages.slice(0, 2).map((m: any) => m.title)).toEqual(['您家有一条整改通报', '您家有一条整改通报'])
    const deliveries = await database.db.select({ delivery: messages.delivery }).from(messages).where(eq(messages.openid, 'demo-villager-2'))
    expect(deliveries.map((d) => d.delivery).slice(-2)).toEqual(['skipped', 'no_grant'])
    const read = await ok(notice('demo-villager-2', { action: 'markRead', requestId: rid(), ids: inbox.messages.map((m: any) => m.id) }))
    expect(read.read).toBe(inbox.unread)
  })

  it('When a village shows rectified notices for 0 days, then they leave the public channel while open ones stay', async () => {
    await database.db.update(orgs).set({ settings: sql`settings || '{"rectifiedVisibleDays": 0}'::jsonb` }).where(eq(orgs.id, 'v-zjq'))
    const channel = await ok(notice('demo-villager', { action: 'channel', orgId: 'g-zjq-1' }))
    expect(channel.notices.some((n: any) => n.statusLabel === '已整改')).toBe(false)
    expect(channel.notices.some((n: any) => n.statusLabel === '待整改' || n.statusLabel === '逾期')).toBe(true)
  })
})

describe('no sequence of actions reaches an impossible state', () => {
  it('When proofs, verifications, retries, extensions and appeals come in any order, then 已整改 ⇔ exactly one restoration', async () => {
    const households = ['h-zjq-07', 'h-zjq-08']
    await database.db.execute(sql`insert into household_members (household_id, openid) select 'h-zjq-07', 'demo-community' where not exists (select 1 from household_members where openid = 'demo-community')`)
    const step = fc.constantFrom('proof', 'accept', 'acceptRetry', 'reject', 'extend', 'appeal', 'overturn')
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const opened = await deduct(households[0])
        let lastVerify: Record<string, unknown> | null = null
        let appealId: number | null = null
        for (const s of steps) {
          if (s === 'proof') await notice('demo-community', { action: 'submitProof', requestId: rid(), noticeId: opened.id, photos: [PROOF] })
          if (s === 'accept' || s === 'reject') {
            lastVerify = { action: 'verify', requestId: rid(), noticeId: opened.id, accept: s === 'accept', reason: '还没弄好' }
            await notice('demo-grid-leader', lastVerify)
          }
          if (s === 'acceptRetry' && lastVerify) await notice('demo-grid-leader', lastVerify)
          if (s === 'extend') await notice('demo-cadre', { action: 'extend', requestId: rid(), noticeId: opened.id, days: 2 })
          if (s === 'appeal' && appealId === null) {
            const a = await score('demo-community', { action: 'appeal', requestId: rid(), entryId: opened.deductionEntryId, reason: '有误会' })
            if (a.ok) appealId = (a.data as { id: number }).id
          }
          if (s === 'overturn' && appealId !== null) await score('demo-cadre', { action: 'decideAppeal', requestId: rid(), appealId, overturn: true })
        }
        const [row] = await database.db.select().from(notices).where(eq(notices.id, opened.id))
        const giveBacks = await restorationsOf(opened.deductionEntryId)
        const restorations = giveBacks.filter((e) => e.kind === 'restoration')
        expect(restorations.length).toBe(row.status === 'rectified' ? 1 : 0)
        expect(row.restorationEntryId).toBe(restorations[0]?.id ?? null)
        expect(giveBacks.length).toBeLessThanOrEqual(1)
        if (row.status === 'withdrawn') expect(giveBacks.map((e) => e.kind)).toEqual(['score_reversal'])
      }),
      { numRuns: 12 },
    )
  })
})
