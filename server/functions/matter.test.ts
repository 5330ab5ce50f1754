import { count, eq } from 'drizzle-orm'
import type { MatterBoard, MatterDetail, MatterNumbersReport, MatterView, MatterWorkList } from '../../src/core/contracts/matter'
import { AppError } from '../../src/core/errors'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { ledgerEntries, matterSeconds, matters, matterSteps, messages } from '../store/schema'
import { seedDemoMatters } from '../demo/matters'
import { openDemoTestDatabase, ruleIdsByCode } from '../test-support/test-database'
import type { Platform } from '../platform/platform'
import { matterFunction } from './matter'
import { scoreFunction } from './score'

const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'
/** WeChat's content check, as a stand-in: one word is risky. */
const platform: Platform = { ...localPlatform, contentCheck: async (text) => (text.includes('违禁') ? 'risky' : 'pass') }

let database: Database
let seq = 0
const rid = () => `req-matter-${++seq}`

let ledgerAtStart = 0
beforeAll(async () => {
  database = await openDemoTestDatabase()
  ledgerAtStart = await ledgerCount()
})
afterAll(() => database.close())

type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string } }
const matter = (openid: string, event: Record<string, unknown>) => matterFunction.invoke({ db: database.db, openid, event, platform }) as Promise<Answer>
async function ok<T>(openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = await matter(openid, event)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data as T
}
async function refused(openid: string, event: Record<string, unknown>): Promise<string> {
  const answer = await matter(openid, event)
  if (answer.ok) throw new Error(`expected a refusal, got ${JSON.stringify(answer.data)}`)
  return answer.error.code
}
/** Everything the matter actions write: a refusal leaves every count as it was. */
async function footprint() {
  const tally = async (table: typeof matters | typeof matterSteps | typeof matterSeconds | typeof messages) => (await database.db.select({ n: count() }).from(table))[0].n
  return { matters: await tally(matters), steps: await tally(matterSteps), seconds: await tally(matterSeconds), messages: await tally(messages) }
}
async function messagesTo(openid: string) {
  return database.db.select().from(messages).where(eq(messages.openid, openid))
}
async function ledgerCount(householdId?: string) {
  return (await database.db.select({ n: count() }).from(ledgerEntries).where(householdId ? eq(ledgerEntries.householdId, householdId) : undefined))[0].n
}
const raise = (openid: string, text: string, extra: Record<string, unknown> = {}) =>
  ok<MatterDetail>(openid, { action: 'raise', requestId: rid(), text, place: '坟浜东头', photos: [PHOTO], ...extra })

describe('a matter goes round the loop', () => {
  let id = 0

  it('When a villager raises a matter with a photo, then it is 已收集 in his micro-grid and its leader is told', async () => {
    const before = (await messagesTo('demo-grid-leader')).length
    const raised = await raise('demo-villager', '坟浜河岸塌了一段，晚上走路危险')
    id = raised.id
    expect(raised).toMatchObject({ status: 'collected', statusLabel: '已收集', mine: true, photos: [PHOTO], microGrid: { id: 'mg-zjq-1-1' }, raiser: '1组01号 张建国' })
    expect(raised.steps.map((s) => s.kind)).toEqual(['raise'])
    const told = await messagesTo('demo-grid-leader')
    expect(told).toHaveLength(before + 1)
    expect(told.at(-1)).toMatchObject({ title: '连心议站有新的议事', page: `matters/detail/index?id=${id}` })
  })

  it('When the same raise is sent again, then it returns the first answer and adds nothing', async () => {
    const event = { action: 'raise', requestId: 'req-matter-replay', text: '路灯坏了三盏', place: '', photos: [] }
    const first = await ok<MatterDetail>('demo-villager', event)
    const before = await footprint()
    expect(await ok<MatterDetail>('demo-villager', event)).toMatchObject({ id: first.id })
    expect(await footprint()).toEqual(before)
    expect(await refused('demo-villager', { ...event, text: '路灯坏了四盏' })).toBe('IDEMPOTENCY_MISMATCH')
  })

  it('When the input is bad or the text fails the content check, then nothing is written', async () => {
    const before = await footprint()
    expect(await refused('demo-villager', { action: 'raise', requestId: rid(), text: '坏', photos: [] })).toBe('INVALID_INPUT')
    expect(await refused('demo-villager', { action: 'raise', requestId: rid(), text: '照片太多了', photos: Array(10).fill(PHOTO) })).toBe('INVALID_INPUT')
    expect(await refused('demo-villager', { action: 'raise', requestId: rid(), text: '这里有违禁的话', photos: [] })).toBe('CONTENT_REFUSED')
    expect(await refused('demo-cadre', { action: 'raise', requestId: rid(), text: '干部不是农户', photos: [] })).toBe('FORBIDDEN')
    expect(await refused('demo-grid-leader', { action: 'decline', requestId: rid(), matterId: id, reason: '' })).toBe('INVALID_INPUT')
    expect(await refused('demo-grid-leader', { action: 'assign', requestId: rid(), matterId: id, to: 'cadre', days: 7 })).toBe('INVALID_INPUT')
    expect(await footprint()).toEqual(before)
  })

  it('When a neighbour adds 我也遇到, then it counts once per household; the raiser and another village cannot', async () => {
    const seconded = await ok<MatterDetail>('demo-villager-2', { action: 'second', requestId: rid(), matterId: id })
    expect(seconded).toMatchObject({ seconds: 1, secondedByMyHousehold: true, maySecond: false })
    expect(await ok<MatterDetail>('demo-villager-2', { action: 'second', requestId: rid(), matterId: id })).toMatchObject({ seconds: 1 })
    expect(await refused('demo-villager', { action: 'second', requestId: rid(), matterId: id })).toBe('MATTER_STATE')
    expect(await refused('demo-cadre-other', { action: 'second', requestId: rid(), matterId: id })).toBe('FORBIDDEN')
  })

  it('When neighbours read the board, then the raiser is masked; his household and the leader see his name', async () => {
    const board = await ok<MatterBoard>('demo-villager-2', { action: 'board' })
    expect(board.org).toMatchObject({ id: 'mg-zjq-1-1' })
    const seen = board.matters.find((m) => m.id === id)!
    expect(seen).toMatchObject({ raiser: '1组 张**', masked: true, seconds: 1 })
    expect(JSON.stringify(board)).not.toContain('张建国')
    expect((await ok<MatterDetail>('demo-grid-leader', { action: 'detail', matterId: id })).raiser).toBe('1组01号 张建国')
    expect(await refused('demo-cadre-other', { action: 'board', orgId: 'v-zjq' })).toBe('FORBIDDEN')
    expect(await refused('demo-cadre-other', { action: 'detail', matterId: id })).toBe('FORBIDDEN')
  })

  it('When someone out of scope tries to assess it, then they are refused and nothing changes', async () => {
    const before = await footprint()
    expect(await refused('demo-villager-2', { action: 'accept', requestId: rid(), matterId: id })).toBe('FORBIDDEN')
    expect(await refused('demo-cadre-other', { action: 'accept', requestId: rid(), matterId: id })).toBe('FORBIDDEN')
    expect(await refused('demo-admin', { action: 'accept', requestId: rid(), matterId: id })).toBe('FORBIDDEN')
    expect(await refused('demo-shop', { action: 'accept', requestId: rid(), matterId: id })).toBe('FORBIDDEN')
    expect(await footprint()).toEqual(before)
  })

  it('When the grid leader accepts it and assigns it to the cadre, then the cadre has it on his work list and the villager is told', async () => {
    const list = await ok<MatterWorkList>('demo-grid-leader', { action: 'workList' })
    expect(list.matters.find((m) => m.id === id)?.mayTake).toEqual(expect.arrayContaining(['accept', 'merge', 'decline']))
    await ok('demo-grid-leader', { action: 'accept', requestId: rid(), matterId: id })
    const assigned = await ok<MatterDetail>('demo-grid-leader', { action: 'assign', requestId: rid(), matterId: id, to: 'cadre', cadreOpenid: 'demo-cadre', days: 7 })
    expect(assigned).toMatchObject({ status: 'assigned', assignee: 'cadre', assigneeName: '陈明华' })
    const cadreList = await ok<MatterWorkList>('demo-cadre', { action: 'workList' })
    expect(cadreList.matters.find((m) => m.id === id)?.mayTake).toEqual(expect.arrayContaining(['progress', 'extend', 'feedback']))
    expect((await messagesTo('demo-cadre')).at(-1)).toMatchObject({ title: '有一件议事交办给您' })
    expect((await messagesTo('demo-villager')).map((m) => m.title)).toEqual(expect.arrayContaining(['您提的事已受理', '您提的事已交办']))
  })

  it('When the cadre reports progress and feedback, then the raiser and the 我也遇到 household hear of the result', async () => {
    await ok('demo-cadre', { action: 'progress', requestId: rid(), matterId: id, note: '已联系水利站来看', photos: [PHOTO] })
    const answered = await ok<MatterDetail>('demo-cadre', { action: 'feedback', requestId: rid(), matterId: id, outcome: '水利站排在下月修', photos: [] })
    expect(answered).toMatchObject({ status: 'answered', outcome: '水利站排在下月修' })
    expect((await messagesTo('demo-villager-2')).at(-1)).toMatchObject({ title: '您也遇到的事有办理结果了' })
    expect(await refused('demo-villager-2', { action: 'rate', requestId: rid(), matterId: id, rating: 'satisfied' })).toBe('FORBIDDEN')
  })

  it('When the villager rates 不满意, then it reopens once; after feedback again 满意 closes it, and nothing more is taken', async () => {
    const reopened = await ok<MatterDetail>('demo-villager', { action: 'rate', requestId: rid(), matterId: id, rating: 'unsatisfied', comment: '等不到下月' })
    expect(reopened).toMatchObject({ status: 'in_progress', reopened: true })
    expect((await messagesTo('demo-cadre')).at(-1)).toMatchObject({ title: '居民不满意，这件事重新办理' })
    await ok('demo-cadre', { action: 'feedback', requestId: rid(), matterId: id, outcome: '已用沙袋临时加固，下月修好', photos: [PHOTO] })
    const rated = await ok<MatterDetail>('demo-villager', { action: 'rate', requestId: rid(), matterId: id, rating: 'satisfied' })
    expect(rated).toMatchObject({ status: 'rated', rating: 'satisfied', ratingLabel: '满意', mayTake: [] })
    expect(rated.steps.map((s) => s.kind)).toEqual(['raise', 'accept', 'assign', 'progress', 'feedback', 'rate', 'reopen', 'feedback', 'rate'])
    const before = await footprint()
    expect(await refused('demo-villager', { action: 'rate', requestId: rid(), matterId: id, rating: 'unsatisfied' })).toBe('MATTER_STATE')
    expect(await refused('demo-cadre', { action: 'progress', requestId: rid(), matterId: id, note: '再看看', photos: [] })).toBe('MATTER_STATE')
    expect(await footprint()).toEqual(before)
  })

  it('When a step row is edited or deleted in SQL, then the database refuses: the history is append-only', async () => {
    await expect(database.db.update(matterSteps).set({ note: 'x' }).where(eq(matterSteps.matterId, id))).rejects.toThrow()
    await expect(database.db.delete(matterSteps).where(eq(matterSteps.matterId, id))).rejects.toThrow()
  })
})

describe('merging, declining, escalating, and the numbers', () => {
  it('When a duplicate is merged, then it closes and its household counts as 我也遇到 on the matter it joins', async () => {
    const first = await raise('demo-villager', '村口垃圾桶满了没人收')
    const dup = await raise('demo-villager-2', '村口的垃圾好几天没收了')
    expect(await refused('demo-grid-leader', { action: 'merge', requestId: rid(), matterId: dup.id, intoId: dup.id })).toBe('INVALID_INPUT')
    const merged = await ok<MatterDetail>('demo-grid-leader', { action: 'merge', requestId: rid(), matterId: dup.id, intoId: first.id })
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: first.id })
    expect(await ok<MatterDetail>('demo-villager', { action: 'detail', matterId: first.id })).toMatchObject({ seconds: 1 })
    expect(await refused('demo-grid-leader', { action: 'accept', requestId: rid(), matterId: dup.id })).toBe('MATTER_STATE')
  })

  it('When a matter is declined, then the reason reaches the raiser and it is closed', async () => {
    const raised = await raise('demo-villager-2', '希望村里给每户发一台电视机')
    const declined = await ok<MatterDetail>('demo-cadre', { action: 'decline', requestId: rid(), matterId: raised.id, reason: '不属于村集体能办的事' })
    expect(declined).toMatchObject({ status: 'declined' })
    expect((await messagesTo('demo-villager-2')).at(-1)).toMatchObject({ title: '您提的事不予受理', body: expect.stringContaining('不属于村集体能办的事') })
  })

  it('When a matter is escalated to the street, then the street admin handles it and the cadre of another village cannot', async () => {
    const raised = await raise('demo-villager', '公交站台被车撞坏了')
    await ok('demo-cadre', { action: 'accept', requestId: rid(), matterId: raised.id })
    expect(await refused('demo-admin', { action: 'feedback', requestId: rid(), matterId: raised.id, outcome: '街道来修', photos: [] })).toBe('FORBIDDEN')
    await ok('demo-cadre', { action: 'assign', requestId: rid(), matterId: raised.id, to: 'street', days: 14 })
    expect((await messagesTo('demo-admin')).at(-1)).toMatchObject({ title: '有一件议事交办给您' })
    const extended = await ok<MatterDetail>('demo-admin', { action: 'extend', requestId: rid(), matterId: raised.id, days: 7, reason: '等交通部门的配件' })
    expect(new Date(extended.dueAt!).getTime() - new Date(raised.raisedAt).getTime()).toBeGreaterThan(20 * 24 * 3600 * 1000)
    expect(await refused('demo-cadre-other', { action: 'feedback', requestId: rid(), matterId: raised.id, outcome: '不归我', photos: [] })).toBe('FORBIDDEN')
    expect(await ok<MatterDetail>('demo-admin', { action: 'feedback', requestId: rid(), matterId: raised.id, outcome: '站台已换新', photos: [] })).toMatchObject({
      status: 'answered',
      assigneeName: '当湖街道',
    })
  })

  it('When a handled matter passes its due date, then it shows 逾期 and counts as overdue, with no clock job', async () => {
    const raised = await raise('demo-villager', '桥栏杆松了')
    await ok('demo-cadre', { action: 'accept', requestId: rid(), matterId: raised.id })
    await ok('demo-cadre', { action: 'assign', requestId: rid(), matterId: raised.id, to: 'cadre', cadreOpenid: 'demo-cadre', days: 3 })
    await database.db.update(matters).set({ dueAt: new Date(Date.now() - 3600 * 1000) }).where(eq(matters.id, raised.id))
    const detail = await ok<MatterDetail>('demo-villager', { action: 'detail', matterId: raised.id })
    expect(detail).toMatchObject({ status: 'overdue', statusLabel: '逾期' })
  })

  it('When the cadre reads the numbers, then the village and each micro-grid show raised, closed, median days, satisfaction and overdue', async () => {
    const report = await ok<MatterNumbersReport>('demo-cadre', { action: 'numbers' })
    expect(report.total.org).toMatchObject({ id: 'v-zjq' })
    expect(report.total.numbers).toMatchObject({ raised: 7, closed: 3, rated: 1, satisfaction: 1, overdue: 1 })
    expect(report.total.numbers.medianDaysToFeedback).toBe(0)
    expect(report.rows.map((r) => r.org.id)).toEqual(['mg-zjq-1-1', 'mg-zjq-1-2', 'mg-zjq-2-1', 'mg-zjq-2-2'])
    expect(report.rows[0].numbers.raised).toBe(7)
    expect(report.rows[1].numbers.raised).toBe(0)
    const street = await ok<MatterNumbersReport>('demo-admin', { action: 'numbers' })
    expect(street.rows.map((r) => r.org.name).sort()).toEqual(['赵家桥村', '通界村'].sort())
    expect(await refused('demo-villager', { action: 'numbers', orgId: 'st-danghu' })).toBe('FORBIDDEN')
  })

  it('When every demo role opens 我的议事, the board and the work list with no query, then each gets its own or a plain refusal', async () => {
    const mine = await ok<MatterView[]>('demo-villager-2', { action: 'mine' })
    expect(mine.map((m) => m.text)).toEqual(expect.arrayContaining(['坟浜河岸塌了一段，晚上走路危险', '希望村里给每户发一台电视机']))
    for (const openid of ['demo-villager', 'demo-villager-2', 'demo-grid-leader', 'demo-cadre', 'demo-cadre-other', 'demo-community', 'demo-accountant', 'demo-shop', 'demo-admin']) {
      for (const event of [{ action: 'mine' }, { action: 'board' }, { action: 'workList' }, { action: 'numbers' }]) {
        const answer = await matter(openid, event)
        if (!answer.ok) {
          expect(['FORBIDDEN']).toContain(answer.error.code)
          expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/)
        }
      }
    }
    expect(new AppError('MATTER_STATE').message).toBe('这件事现在不能这样办理')
  })
})

describe('points for taking part, and the demo', () => {
  it('When a matter closes, then no points move by themselves; a cadre grants 议事建言被采纳 like any score', async () => {
    expect(await ledgerCount()).toBe(ledgerAtStart)
    const before = await ledgerCount('h-zjq-01')
    const ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
    const walk = await scoreFunction.invoke({
      db: database.db,
      openid: 'demo-cadre',
      event: { action: 'submit', requestId: rid(), householdIds: ['h-zjq-01'], ruleId: ruleIds['matter-adopted'], note: '坟浜护岸的建议被采纳' },
      platform,
    })
    expect(walk).toMatchObject({ ok: true, data: { rule: { title: '议事建言被采纳', points: 2 }, results: [{ householdId: 'h-zjq-01', status: 'applied' }] } })
    expect(await ledgerCount('h-zjq-01')).toBe(before + 1)
  })

  it('When the demo matters are seeded, then the village board shows every state of the loop', async () => {
    await seedDemoMatters(database.db)
    const board = await ok<MatterBoard>('demo-cadre', { action: 'board' })
    const shown = new Set(board.matters.map((m) => m.status))
    for (const status of ['collected', 'accepted', 'assigned', 'in_progress', 'overdue', 'answered', 'rated', 'merged', 'declined']) expect(shown).toContain(status)
    const neighbours = await ok<MatterBoard>('demo-villager-2', { action: 'board' })
    expect(neighbours.matters.find((m) => m.text.startsWith('建议在村文化礼堂'))).toMatchObject({ raiser: '1组 沈阿大', masked: false })
  })
})

