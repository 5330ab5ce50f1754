import { Workbook } from 'exceljs'
import { eq } from 'drizzle-orm'
import type { MyData, MyDataExport, WithdrawResult } from '../../src/core/contracts/account'
import { WITHDRAW_GOES, WITHDRAW_STAYS } from '../../src/core/my-data'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { householdMembers, ledgerEntries, messages, subscriptionGrants, users } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { accountFunction } from './account'

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

const account = (openid: string, event: Record<string, unknown>) => accountFunction.invoke({ db: database.db, openid, event, platform: localPlatform })
async function ok<T>(openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = await account(openid, event)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data as T
}
/** What a withdrawal may touch, and what it must not. */
async function footprint() {
  return {
    members: await database.db.select().from(householdMembers).orderBy(householdMembers.id),
    users: await database.db.select().from(users).orderBy(users.openid),
    messages: await database.db.select().from(messages).orderBy(messages.id),
    grants: await database.db.select().from(subscriptionGrants).orderBy(subscriptionGrants.openid, subscriptionGrants.template),
  }
}

describe('我的信息 and 解除绑定 (account.myData / exportMyData / withdraw)', () => {
  it('When 张建国 opens 我的信息, then he reads his own details and his household’s: roster line, who is bound, points and ledger, and what withdrawing would do', async () => {
    const data = await ok<MyData>('demo-villager', { action: 'myData' })
    expect(data.me).toMatchObject({ displayName: '张建国', roles: [] })
    expect(data.household).toMatchObject({ name: '张建国', village: '赵家桥村', boundMembers: expect.arrayContaining([expect.objectContaining({ displayName: '张建国', me: true })]) })
    const entries = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.householdId, 'h-zjq-01'))
    expect(data.household!.ledger.entries).toBe(entries.length)
    expect(data.withdraw).toEqual({ possible: true, goes: WITHDRAW_GOES, stays: WITHDRAW_STAYS })
  })

  it('When someone bound to no household opens it, then they read their own details only and withdrawing is not offered', async () => {
    const data = await ok<MyData>('demo-shop', { action: 'myData' })
    expect(data.household).toBeNull()
    expect(data.me.roles.length).toBeGreaterThan(0)
    expect(data.withdraw.possible).toBe(false)
  })

  it('When he exports it, then one .xlsx holds the summary, the household’s whole ledger line by line and his photos', async () => {
    const file = await ok<MyDataExport>('demo-villager', { action: 'exportMyData' })
    expect(file.fileName).toMatch(/^我的信息-\d{8}-\d{6}\.xlsx$/)
    const workbook = new Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['我的信息', '积分明细', '我传的照片'])
    const entries = (await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.householdId, 'h-zjq-01'))).length
    expect(workbook.getWorksheet('积分明细')!.rowCount).toBe(entries + 1)
    expect(JSON.stringify(workbook.getWorksheet('我的信息')!.getSheetValues())).toContain('张建国')
  })

  it('When the input is bad (no requestId, a malformed one), then the answer says so plainly and nothing changes', async () => {
    const before = await footprint()
    for (const event of [{ action: 'withdraw' }, { action: 'withdraw', requestId: 'x' }, { action: 'withdraw', requestId: 'bad id with spaces' }]) {
      expect(await account('demo-villager', event)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await footprint()).toEqual(before)
  })

  it('When 张建国 withdraws, then his binding, messages, subscriptions and name go, the ledger stays, and the same request again changes nothing', async () => {
    const ledgerBefore = await database.db.select().from(ledgerEntries).orderBy(ledgerEntries.id)
    await database.db.insert(subscriptionGrants).values({ openid: 'demo-villager', template: 'notice', available: 2 }).onConflictDoNothing()
    const event = { action: 'withdraw', requestId: 'withdraw-zjq-01-a' }
    const first = await ok<WithdrawResult>('demo-villager', event)
    expect(first).toMatchObject({ household: '1组01号 张建国', goes: WITHDRAW_GOES, stays: WITHDRAW_STAYS })

    const after = await footprint()
    expect(after.members.filter((m) => m.openid === 'demo-villager' && m.unboundAt === null)).toEqual([])
    expect(after.messages.filter((m) => m.openid === 'demo-villager')).toEqual([])
    expect(after.grants.filter((g) => g.openid === 'demo-villager')).toEqual([])
    expect(after.users.find((u) => u.openid === 'demo-villager')).toMatchObject({ displayName: '已解除绑定的村民', elderMode: false })
    expect(await database.db.select().from(ledgerEntries).orderBy(ledgerEntries.id)).toEqual(ledgerBefore)

    expect(await ok('demo-villager', event)).toEqual(first)
    expect(await footprint()).toEqual(after)
    // A new request: there is no binding left to end.
    expect(await account('demo-villager', { action: 'withdraw', requestId: 'withdraw-zjq-01-b' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await footprint()).toEqual(after)
    expect((await ok<MyData>('demo-villager', { action: 'myData' })).household).toBeNull()
  })

  it('When someone bound to no household asks to withdraw, then it is refused and nothing changes', async () => {
    const before = await footprint()
    expect(await account('demo-shop', { action: 'withdraw', requestId: 'withdraw-shop-01' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await footprint()).toEqual(before)
  })
})
