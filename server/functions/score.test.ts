import { count, eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { appeals, householdMembers, households, ledgerEntries, roleGrants, rules, scoreRecords, users } from '../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../test-support/test-database'
import { accountFunction } from './account'
import { scoreFunction } from './score'

let database: Database
let ruleIds: Record<string, number>
const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
let seq = 0
const rid = () => `req-score-${++seq}-${Date.now()}`

beforeAll(async () => {
  database = await openDemoTestDatabase()
  ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
})
afterAll(() => database.close())

function call(openid: string, event: Record<string, unknown>) {
  return scoreFunction.invoke({ db: database.db, openid, event, platform: localPlatform })
}
async function ok<T = any>(openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = await call(openid, event)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data as T
}
async function balanceOf(id: string) {
  const [row] = await database.db.select({ balance: households.balance }).from(households).where(eq(households.id, id))
  return row.balance
}
/** Rows in every table a scoring action can write to. */
async function writtenRows() {
  const [[l], [s], [a]] = await Promise.all([
    database.db.select({ n: count() }).from(ledgerEntries),
    database.db.select({ n: count() }).from(scoreRecords),
    database.db.select({ n: count() }).from(appeals),
  ])
  return l.n + s.n + a.n
}

describe('an inspection walk', () => {
  it('When a grid leader deducts two households with a photo, then each gets an entry naming the rule and a new balance', async () => {
    const [before1, before2] = [await balanceOf('h-zjq-03'), await balanceOf('h-zjq-04')]
    const result = await ok('demo-grid-leader', {
      action: 'submit',
      requestId: rid(),
      householdIds: ['h-zjq-03', 'h-zjq-04'],
      ruleId: ruleIds['env-clutter'],
      photos: [PHOTO],
      note: '门口堆放杂物',
    })
    expect(result.results.map((r: any) => [r.householdId, r.status, r.balance])).toEqual([
      ['h-zjq-03', 'applied', before1 - 5],
      ['h-zjq-04', 'applied', before2 - 5],
    ])
    const [entry] = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, result.results[0].entryId))
    expect(entry).toMatchObject({ householdId: 'h-zjq-03', points: -5, kind: 'score', ruleId: ruleIds['env-clutter'], scorerOrgId: 'mg-zjq-1-1' })
  })

  it('When the same requestId is sent again, then the same answer comes back and nothing new is written', async () => {
    const event = { action: 'submit', requestId: rid(), householdIds: ['h-zjq-05'], ruleId: ruleIds['waste-right'] }
    const first = await ok('demo-grid-leader', event)
    const rows = await writtenRows()
    expect(await ok('demo-grid-leader', event)).toEqual(first)
    expect(await writtenRows()).toBe(rows)
  })

  it('When a rule needs a photo and none is given, then EVIDENCE_REQUIRED and nothing is written', async () => {
    const rows = await writtenRows()
    const answer = await call('demo-grid-leader', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-06'], ruleId: ruleIds['env-ditch'] })
    expect(answer).toMatchObject({ ok: false, error: { code: 'EVIDENCE_REQUIRED' } })
    expect(await writtenRows()).toBe(rows)
  })

  it('When a household reached the monthly limit, then LIMIT_REACHED names it and the walk writes nothing', async () => {
    await ok('demo-grid-leader', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-07'], ruleId: ruleIds['env-tidy'] })
    const rows = await writtenRows()
    const answer = await call('demo-grid-leader', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-08', 'h-zjq-07'], ruleId: ruleIds['env-tidy'] })
    expect(answer).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } })
    expect(!answer.ok && answer.error.message).toContain('徐国华')
    expect(await writtenRows()).toBe(rows)
  })

  it('When an applied score is reversed, then it no longer counts toward the limit', async () => {
    const first = await ok('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-09'], ruleId: ruleIds['env-tidy'] })
    await ok('demo-cadre', { action: 'reverse', requestId: rid(), entryId: first.results[0].entryId, reason: '评错了户' })
    const again = await ok('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-09'], ruleId: ruleIds['env-tidy'] })
    expect(again.results[0].status).toBe('applied')
  })
})

describe('who may score whom', () => {
  const cases: [string, string, string[]][] = [
    ['a villager', 'demo-villager', ['h-zjq-02']],
    ['a cadre of another village', 'demo-cadre-other', ['h-zjq-02']],
    ['a grid leader outside their micro-grid', 'demo-grid-leader', ['h-zjq-01', 'h-zjq-09']],
    ['a shop clerk', 'demo-shop', ['h-zjq-02']],
    ['an accountant', 'demo-accountant', ['h-zjq-02']],
    ['a community scorer on a household not living there', 'demo-community', ['h-tj-01']],
  ]
  it.each(cases)('When %s scores, then FORBIDDEN and nothing is written', async (_who, openid, householdIds) => {
    const rows = await writtenRows()
    const ruleId = openid === 'demo-community' ? ((await ruleIdsByCode(database.db, 'rs-danghu'))['waste-right']) : ruleIds['waste-right']
    const answer = await call(openid, { action: 'submit', requestId: rid(), householdIds, ruleId })
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await writtenRows()).toBe(rows)
  })

  it('When a community scorer scores a 通界村 household living in 东湖社区 (3.0), then the points land on its own account', async () => {
    const before = await balanceOf('h-tj-05')
    const result = await ok('demo-community', {
      action: 'submit',
      requestId: rid(),
      householdIds: ['h-tj-05'],
      ruleId: (await ruleIdsByCode(database.db, 'rs-danghu'))['volunteer-service'],
      photos: [PHOTO],
    })
    expect(result.results[0]).toMatchObject({ status: 'applied', balance: before + 2 })
    const [entry] = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, result.results[0].entryId))
    expect(entry.scorerOrgId).toBe('c-donghu')
  })

  it('When a rule of another village is used, then RULE_NOT_APPLICABLE', async () => {
    const answer = await call('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-10'], ruleId: (await ruleIdsByCode(database.db, 'rs-danghu'))['waste-right'] })
    expect(answer).toMatchObject({ ok: false, error: { code: 'RULE_NOT_APPLICABLE' } })
  })
})

describe('bad input writes nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an unknown rule', { householdIds: ['h-zjq-02'], ruleId: 999999 }, 'NOT_FOUND'],
    ['an empty household list', { householdIds: [], ruleId: 1 }, 'INVALID_INPUT'],
    ['a household that does not exist', { householdIds: ['h-nowhere'], ruleId: 1 }, 'NOT_FOUND'],
    ['the same household twice', { householdIds: ['h-zjq-02', 'h-zjq-02'], ruleId: 1 }, 'INVALID_INPUT'],
    ['an absurdly long note', { householdIds: ['h-zjq-02'], ruleId: 1, note: '脏'.repeat(201) }, 'INVALID_INPUT'],
    ['a rule id that is text', { householdIds: ['h-zjq-02'], ruleId: '1' }, 'INVALID_INPUT'],
    ['household ids that are not a list', { householdIds: 'h-zjq-02', ruleId: 1 }, 'INVALID_INPUT'],
    ['a photo that is a web address', { householdIds: ['h-zjq-02'], ruleId: 1, photos: ['https://evil.example/x.jpg'] }, 'INVALID_INPUT'],
    ['no requestId', { householdIds: ['h-zjq-02'], ruleId: 1, requestId: undefined }, 'INVALID_INPUT'],
  ]
  it.each(cases.map(([what, fields, code]) => ({ what, fields, code })))('When the walk has $what, then $code with a Chinese message', async ({ fields, code }) => {
    const rows = await writtenRows()
    const answer = await call('demo-cadre', { action: 'submit', requestId: rid(), ...fields })
    expect(answer).toMatchObject({ ok: false, error: { code } })
    expect(!answer.ok && answer.error.message).toMatch(/[\u4e00-\u9fa5]/)
    // Plain words: no field's code name, no validator wording.
    expect(!answer.ok && answer.error.message).not.toMatch(/[A-Za-z]|期望|无效|接收|undefined|null/)
    expect(await writtenRows()).toBe(rows)
  })

  it('When a page asks without saying which village, then 请选择村, beside the field', async () => {
    expect(await call('demo-cadre', { action: 'pending' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请选择村', fields: { orgId: '请选择村' } },
    })
  })

  it('When a claim carries ten photos and no rule, then each field says its own problem', async () => {
    const answer = await call('demo-villager', { action: 'claim', requestId: rid(), photos: Array(10).fill('local://00000000-0000-4000-8000-000000000000.jpg') })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { ruleId: '请选择细则', photos: '照片最多 9 张' } } })
  })
})

describe('approval, claims and appeals', () => {
  // The village's cadre asks for approval of grid leaders' scores (村里的设置), and turns it off after.
  const approval = async (on: boolean) => {
    const event = { action: 'saveVillageSettings', requestId: rid(), orgId: 'v-zjq', gridLeaderScoresNeedApproval: on, rectifiedVisibleDays: 3 }
    const answer = await accountFunction.invoke({ db: database.db, openid: 'demo-cadre', event, platform: localPlatform })
    if (!answer.ok) throw new Error(answer.error.message)
  }
  beforeAll(() => approval(true))
  afterAll(() => approval(false))

  it('When the village asks for approval, then a grid leader’s score waits and moves no points until a cadre approves', async () => {
    const before = await balanceOf('h-zjq-06')
    const submitted = await ok('demo-grid-leader', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-06'], ruleId: ruleIds['mediation'] })
    expect(submitted.results[0]).toMatchObject({ status: 'pending', entryId: null, balance: before })
    expect(await balanceOf('h-zjq-06')).toBe(before)
    const pending = await ok('demo-cadre', { action: 'pending', orgId: 'v-zjq' })
    expect(pending.records.map((r: any) => r.id)).toContain(submitted.results[0].recordId)
    const decided = await ok('demo-cadre', { action: 'decide', requestId: rid(), recordId: submitted.results[0].recordId, approve: true })
    expect(decided.status).toBe('applied')
    expect(await balanceOf('h-zjq-06')).toBe(before + 3)
    const again = await call('demo-cadre', { action: 'decide', requestId: rid(), recordId: submitted.results[0].recordId, approve: true })
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } })
    expect(await balanceOf('h-zjq-06')).toBe(before + 3)
  })

  it('When a villager claims volunteer service with a photo, then it waits; rejected, no points move', async () => {
    const before = await balanceOf('h-zjq-01')
    const claim = await ok('demo-villager', { action: 'claim', requestId: rid(), ruleId: ruleIds['volunteer-duty'], photos: [PHOTO], note: '村口值守' })
    expect(claim).toMatchObject({ status: 'pending', source: 'claim', householdId: 'h-zjq-01' })
    const rejected = await ok('demo-cadre', { action: 'decide', requestId: rid(), recordId: claim.id, approve: false, note: '当天没有排班' })
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: '当天没有排班' })
    expect(await balanceOf('h-zjq-01')).toBe(before)
    const mine = await ok('demo-villager', { action: 'myRequests' })
    expect(mine.claims.map((c: any) => [c.id, c.status])).toContainEqual([claim.id, 'rejected'])
  })

  it('When a claim has no photo or the rule is not claimable, then it is refused', async () => {
    expect(await call('demo-villager', { action: 'claim', requestId: rid(), ruleId: ruleIds['volunteer-duty'], photos: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await call('demo-villager', { action: 'claim', requestId: rid(), ruleId: ruleIds['env-tidy'], photos: [PHOTO] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_CLAIMABLE' },
    })
  })

  it('When a villager appeals a deduction and the cadre overturns it, then a linked reversal gives the points back once', async () => {
    const scored = await ok('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-02'], ruleId: ruleIds['waste-wrong'] })
    const entryId = scored.results[0].entryId
    const before = await balanceOf('h-zjq-02')
    const appeal = await ok('demo-villager-2', { action: 'appeal', requestId: rid(), entryId, reason: '那天垃圾是邻居放的' })
    expect(appeal.status).toBe('pending')
    expect(await call('demo-villager-2', { action: 'appeal', requestId: rid(), entryId, reason: '再申诉一次' })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_APPEALED' },
    })
    const decided = await ok('demo-cadre', { action: 'decideAppeal', requestId: rid(), appealId: appeal.id, overturn: true, note: '核实属实' })
    expect(decided.status).toBe('overturned')
    expect(await balanceOf('h-zjq-02')).toBe(before + 2)
    expect(await call('demo-cadre', { action: 'reverse', requestId: rid(), entryId, reason: '再冲一次' })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_REVERSED' },
    })
    const ledger = await ok('demo-villager-2', { action: 'ledger' })
    const line = ledger.lines.find((l: any) => l.id === entryId)
    expect(line).toMatchObject({ appeal: { status: 'overturned' }, reversedBy: expect.any(Number) })
  })

  it('When someone appeals another household’s entry, an addition, or decides their own claim, then they are refused', async () => {
    const scored = await ok('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-02'], ruleId: ruleIds['custom-lavish'] })
    const rows = await writtenRows()
    expect(await call('demo-villager', { action: 'appeal', requestId: rid(), entryId: scored.results[0].entryId, reason: '不是我家' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await call('demo-villager', { action: 'decideAppeal', requestId: rid(), appealId: 1, overturn: true })).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) },
    })
    const plus = await ok('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-01'], ruleId: ruleIds['custom-simple'] })
    expect(await call('demo-villager', { action: 'appeal', requestId: rid(), entryId: plus.results[0].entryId, reason: '申诉加分' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_APPEALABLE' },
    })
    expect(await writtenRows()).toBe(rows + 2)
  })

  it('When a cadre who is also a villager claims, then they cannot approve their own claim', async () => {
    await database.db.insert(householdMembers).values({ householdId: 'h-zjq-20', openid: 'demo-cadre' })
    const claim = await ok('demo-cadre', { action: 'claim', requestId: rid(), ruleId: ruleIds['volunteer-service'], photos: [PHOTO] })
    const rows = await writtenRows()
    expect(await call('demo-cadre', { action: 'decide', requestId: rid(), recordId: claim.id, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await writtenRows()).toBe(rows)
  })

  it('When a cadre scores under a village needing approval, then the score applies at once (only grid leaders wait)', async () => {
    const result = await ok('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-11'], ruleId: ruleIds['waste-right'] })
    expect(result.results[0].status).toBe('applied')
  })
})

describe('nobody scores or decides for their own household', () => {
  // 赵家桥村 has a cadre who lives in 陆小妹家 (h-zjq-08), with a family member bound beside him.
  const CADRE_AT_HOME = 'wx-cadre-h08'
  const FAMILY = 'wx-h08-member'
  const OWN = '不能给自己家评分/审核，请让其他干部处理'
  beforeAll(async () => {
    await database.db.insert(users).values([{ openid: CADRE_AT_HOME, displayName: '陆村干' }, { openid: FAMILY, displayName: '陆家人' }])
    await database.db.insert(roleGrants).values({ openid: CADRE_AT_HOME, role: 'cadre', orgId: 'v-zjq' })
    await database.db.insert(householdMembers).values([{ householdId: 'h-zjq-08', openid: CADRE_AT_HOME }, { householdId: 'h-zjq-08', openid: FAMILY }])
  })

  it('When the cadre scores his own household, alone or in a walk, then 不能给自己家评分 and nothing is written', async () => {
    const [own, other] = [await balanceOf('h-zjq-08'), await balanceOf('h-zjq-09')]
    const rows = await writtenRows()
    for (const householdIds of [['h-zjq-08'], ['h-zjq-09', 'h-zjq-08']]) {
      expect(await call(CADRE_AT_HOME, { action: 'submit', requestId: rid(), householdIds, ruleId: ruleIds['custom-simple'] })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: OWN } })
    }
    expect([await balanceOf('h-zjq-08'), await balanceOf('h-zjq-09'), await writtenRows()]).toEqual([own, other, rows])
    expect((await ok(CADRE_AT_HOME, { action: 'submit', requestId: rid(), householdIds: ['h-zjq-09'], ruleId: ruleIds['custom-simple'] })).results[0].status).toBe('applied')
  })

  it('When his family claims, appeals a deduction, then he may neither approve, overturn nor reverse it; another cadre may', async () => {
    const claim = await ok(FAMILY, { action: 'claim', requestId: rid(), ruleId: ruleIds['volunteer-service'], photos: [PHOTO] })
    const deduction = (await ok('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-08'], ruleId: ruleIds['waste-wrong'] })).results[0].entryId
    const appeal = await ok(FAMILY, { action: 'appeal', requestId: rid(), entryId: deduction, reason: '那天不是我家' })
    const [balance, rows] = [await balanceOf('h-zjq-08'), await writtenRows()]
    for (const event of [
      { action: 'decide', requestId: rid(), recordId: claim.id, approve: true },
      { action: 'decideAppeal', requestId: rid(), appealId: appeal.id, overturn: true },
      { action: 'reverse', requestId: rid(), entryId: deduction, reason: '扣错了' },
    ]) {
      expect(await call(CADRE_AT_HOME, event)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: OWN } })
    }
    expect([await balanceOf('h-zjq-08'), await writtenRows()]).toEqual([balance, rows])
    expect((await ok(FAMILY, { action: 'myRequests' })).claims.find((c: any) => c.id === claim.id)).toMatchObject({ status: 'pending' })
    expect(await ok('demo-cadre', { action: 'decide', requestId: rid(), recordId: claim.id, approve: true })).toMatchObject({ status: 'applied' })
    expect(await ok('demo-cadre', { action: 'decideAppeal', requestId: rid(), appealId: appeal.id, overturn: false })).toMatchObject({ status: 'upheld' })
  })
})

describe('a claim keeps within the rule’s limits', () => {
  // 参加村里志愿服务活动: at most 4 a month. 钱桂英家 (h-zjq-10) has a member who claims.
  const CLAIMER = 'wx-claimer-h10'
  beforeAll(async () => {
    await database.db.insert(users).values({ openid: CLAIMER, displayName: '钱家人' })
    await database.db.insert(householdMembers).values({ householdId: 'h-zjq-10', openid: CLAIMER })
  })
  const claim = () => call(CLAIMER, { action: 'claim', requestId: rid(), ruleId: ruleIds['volunteer-service'], photos: [PHOTO] })

  it('When a household has claimed the monthly limit (waiting claims count), then the next claim is refused in plain words and nothing is written', async () => {
    for (let i = 0; i < 4; i++) expect(await claim()).toMatchObject({ ok: true, data: { status: 'pending' } })
    const rows = await writtenRows()
    expect(await claim()).toEqual({ ok: false, error: { code: 'LIMIT_REACHED', message: '“参加村里志愿服务活动”本月已满 4 次，不能再申报了' } })
    expect(await writtenRows()).toBe(rows)
  })

  it('When more claims wait than the limit allows (claimed before limits were checked), then approval stops at the limit and the balance moves no further', async () => {
    const [rule] = await database.db.select().from(rules).where(eq(rules.id, ruleIds['volunteer-service']))
    await database.db.insert(scoreRecords).values({
      householdId: 'h-zjq-10', ruleId: rule.id, points: rule.points, source: 'claim', status: 'pending', photos: [PHOTO], submittedBy: CLAIMER, scorerOrgId: 'v-zjq', requestId: rid(),
    })
    const waiting = (await ok(CLAIMER, { action: 'myRequests' })).claims.filter((c: any) => c.status === 'pending').map((c: any) => c.id)
    expect(waiting).toHaveLength(5)
    const before = await balanceOf('h-zjq-10')
    const [last, ...first] = waiting
    for (const recordId of first) expect(await ok('demo-cadre', { action: 'decide', requestId: rid(), recordId, approve: true })).toMatchObject({ status: 'applied' })
    expect(await balanceOf('h-zjq-10')).toBe(before + 4 * rule.points)
    expect(await call('demo-cadre', { action: 'decide', requestId: rid(), recordId: last, approve: true })).toEqual({
      ok: false,
      error: { code: 'LIMIT_REACHED', message: '钱桂英家“参加村里志愿服务活动”本月已满 4 次，这条不能再通过，请驳回' },
    })
    expect(await balanceOf('h-zjq-10')).toBe(before + 4 * rule.points)
    expect(await ok('demo-cadre', { action: 'decide', requestId: rid(), recordId: last, approve: false, note: '本月次数已满' })).toMatchObject({ status: 'rejected' })
  })
})

describe('rules are versioned', () => {
  it('When a new version is published, then old rule ids are refused and old entries still name the old version', async () => {
    const before = await ok('demo-cadre', { action: 'rules', orgId: 'v-zjq' })
    const scored = await ok('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-12'], ruleId: ruleIds['waste-right'] })
    const edited = before.rules.map(({ id: _id, ...rule }: any) => (rule.code === 'waste-right' ? { ...rule, points: 2, title: '垃圾分类投放正确（加倍）' } : rule))
    const published = await ok('demo-cadre', { action: 'publishRules', requestId: rid(), ruleSetId: 'rs-zjq', rules: edited })
    expect(published.version).toBe(before.version + 1)
    expect(published.rules.find((r: any) => r.code === 'waste-right')).toMatchObject({ points: 2 })
    expect(await call('demo-cadre', { action: 'submit', requestId: rid(), householdIds: ['h-zjq-12'], ruleId: ruleIds['waste-right'] })).toMatchObject({
      ok: false,
      error: { code: 'RULE_OUTDATED' },
    })
    const [oldEntry] = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, scored.results[0].entryId))
    const [oldRule] = await database.db.select().from(rules).where(eq(rules.id, oldEntry.ruleId!))
    expect(oldRule).toMatchObject({ version: before.version, points: 1 })
    ruleIds = Object.fromEntries(published.rules.map((r: any) => [r.code, r.id]))
  })

  it('When the street admin opens the rules of the street, then the shared set they own comes back and they may publish it', async () => {
    const shared = await ok('demo-admin', { action: 'rules', orgId: 'st-danghu' })
    expect(shared).toMatchObject({ id: 'rs-danghu', name: '当湖街道村社联动积分细则' })
    const list = shared.rules.map(({ id: _id, ...rule }: any) => rule)
    expect((await ok('demo-admin', { action: 'publishRules', requestId: rid(), ruleSetId: 'rs-danghu', rules: list })).version).toBe(shared.version + 1)
  })

  it('When a villager or another village’s cadre publishes, then FORBIDDEN', async () => {
    const current = await ok('demo-cadre', { action: 'rules', orgId: 'v-zjq' })
    const list = current.rules.map(({ id: _id, ...rule }: any) => rule)
    for (const openid of ['demo-villager', 'demo-cadre-other', 'demo-grid-leader']) {
      expect(await call(openid, { action: 'publishRules', requestId: rid(), ruleSetId: 'rs-zjq', rules: list })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
  })
})

describe('the ledger balances', () => {
  it('When random submissions, reversals and replays run, then every balance equals the sum of its entries and each running balance is right', async () => {
    const pool = ['h-zjq-13', 'h-zjq-14', 'h-zjq-15', 'h-zjq-16']
    const codes = ['env-clutter', 'waste-wrong', 'custom-lavish', 'custom-simple', 'mediation', 'waste-right']
    const step = fc.oneof(
      fc.record({ kind: fc.constant('submit' as const), households: fc.subarray(pool, { minLength: 1 }), code: fc.constantFrom(...codes), replay: fc.boolean() }),
      fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), replay: fc.boolean() }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const entryIds: number[] = []
        for (const s of steps) {
          const event =
            s.kind === 'submit'
              ? { action: 'submit', requestId: rid(), householdIds: s.households, ruleId: ruleIds[s.code], photos: [PHOTO] }
              : entryIds.length > 0
                ? { action: 'reverse', requestId: rid(), entryId: entryIds[s.pick % entryIds.length], reason: '随机更正' }
                : null
          if (!event) continue
          const answer = await call('demo-cadre', event)
          if (s.replay) expect(await call('demo-cadre', event)).toEqual(answer)
          if (answer.ok && s.kind === 'submit') entryIds.push(...(answer.data as any).results.map((r: any) => r.entryId))
        }
        const check = await database.db.execute(sql`
          select h.id, h.balance, coalesce(sum(e.points), 0)::int as total,
                 bool_and(e.balance_after = (select sum(p.points) from ledger_entries p where p.household_id = h.id and p.id <= e.id)) as running_ok
          from households h left join ledger_entries e on e.household_id = h.id
          group by h.id, h.balance`)
        for (const row of (check as unknown as { rows: { balance: number; total: number; running_ok: boolean }[] }).rows) {
          expect(row.balance).toBe(row.total)
          expect(row.running_ok).not.toBe(false)
        }
      }),
      { numRuns: 15 },
    )
  })
})
