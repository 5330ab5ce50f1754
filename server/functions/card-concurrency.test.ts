import { randomBytes } from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { encodeCardToken, newCardClaims } from '../../src/core/card/token'
import type { GoodsView, Redemption } from '../../src/core/contracts/card'
import type { Envelope } from '../../src/core/contracts/envelope'
import { cardTokenSigner } from '../services/card/card-key'
import type { Database } from '../store/database'
import { appendLedgerEntry } from '../store/ledger'
import { goods, households, ledgerEntries, redemptions } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { localPlatform } from '../platform/local/platform'
import { cardFunction } from './card'

process.env.CARD_TOKEN_SECRET ??= randomBytes(32).toString('hex')

/**
 * Parallel redemptions need a real PostgreSQL server (PGlite is one connection and runs transactions
 * one after another), so these run only when DATABASE_URL is set, as CI does.
 */
const describeOnServer = process.env.DATABASE_URL ? describe : describe.skip

describeOnServer('parallel redemptions on PostgreSQL', () => {
  let database: Database
  let requestCounter = 0
  beforeAll(async () => {
    database = await openDemoTestDatabase()
  })
  afterAll(() => database?.close())

  const requestId = () => `req-race-${String(++requestCounter).padStart(6, '0')}`
  const freshToken = (householdId: string) =>
    encodeCardToken(newCardClaims(householdId, randomBytes(16).toString('base64url'), Date.now()), cardTokenSigner())

  async function addGoods(name: string, pointsPrice: number, stock: number): Promise<GoodsView> {
    const envelope = await cardFunction.invoke({
      db: database.db,
      openid: 'demo-shop',
      platform: localPlatform,
      event: { action: 'saveGoods', requestId: requestId(), name, pointsPrice, onShelf: true, stockDelta: stock },
    })
    if (!envelope.ok) throw new Error(envelope.error.message)
    return envelope.data as GoodsView
  }

  /** Brings a household's balance to exactly `target` with one ledger entry. */
  async function setBalance(householdId: string, target: number): Promise<void> {
    const [{ balance }] = await database.db.select().from(households).where(eq(households.id, householdId))
    if (balance === target) return
    await database.db.transaction((tx) => appendLedgerEntry(tx, { householdId, points: target - balance, kind: 'opening', note: '测试调整' }))
  }

  function redeemInParallel(householdId: string, goodsId: number, times: number, token?: string) {
    return Promise.all(
      Array.from({ length: times }, () =>
        cardFunction.invoke({
          db: database.db,
          openid: 'demo-shop',
          platform: localPlatform,
          event: { action: 'redeem', requestId: requestId(), token: token ?? freshToken(householdId), items: [{ goodsId, quantity: 1 }] },
        }),
      ),
    ) as Promise<Envelope<Redemption>[]>
  }

  function outcomes(answers: Envelope<Redemption>[]): Record<string, number> {
    const tally: Record<string, number> = {}
    for (const a of answers) {
      const key = a.ok ? 'ok' : a.error.code
      tally[key] = (tally[key] ?? 0) + 1
    }
    return tally
  }

  async function redemptionEntries(householdId: string): Promise<number> {
    const [{ n }] = await database.db
      .select({ n: count() })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.householdId, householdId), eq(ledgerEntries.kind, 'redemption')))
    return n
  }

  it('When 50 redemptions race against a balance that covers 10, then exactly 10 succeed and the balance is exact', async () => {
    const coupon = await addGoods('并发测试券', 7, 1000)
    await setBalance('h-zjq-10', 75)
    const answers = await redeemInParallel('h-zjq-10', coupon.id, 50)
    expect(outcomes(answers)).toEqual({ ok: 10, INSUFFICIENT_POINTS: 40 })
    const [household] = await database.db.select().from(households).where(eq(households.id, 'h-zjq-10'))
    expect(household.balance).toBe(5)
    expect(await redemptionEntries('h-zjq-10')).toBe(10)
    const [item] = await database.db.select().from(goods).where(eq(goods.id, coupon.id))
    expect(item.stock).toBe(990)
    const balancesAfter = answers.flatMap((a) => (a.ok ? [a.data.balanceAfter] : [])).sort((x, y) => x - y)
    expect(balancesAfter).toEqual([5, 12, 19, 26, 33, 40, 47, 54, 61, 68])
  })

  it('When 50 redemptions race for goods with 10 in stock, then exactly 10 succeed and the stock ends at 0', async () => {
    const scarce = await addGoods('限量毛巾', 1, 10)
    await setBalance('h-zjq-11', 500)
    const answers = await redeemInParallel('h-zjq-11', scarce.id, 50)
    expect(outcomes(answers)).toEqual({ ok: 10, INSUFFICIENT_STOCK: 40 })
    const [item] = await database.db.select().from(goods).where(eq(goods.id, scarce.id))
    expect(item.stock).toBe(0)
    const [household] = await database.db.select().from(households).where(eq(households.id, 'h-zjq-11'))
    expect(household.balance).toBe(490)
    const [{ n }] = await database.db.select({ n: count() }).from(redemptions).where(eq(redemptions.householdId, 'h-zjq-11'))
    expect(n).toBe(10)
  })

  it('When one token is presented 20 times at once, then exactly one redemption uses it', async () => {
    const coupon = await addGoods('单码测试券', 1, 100)
    await setBalance('h-zjq-12', 100)
    const answers = await redeemInParallel('h-zjq-12', coupon.id, 20, freshToken('h-zjq-12'))
    expect(outcomes(answers)).toEqual({ ok: 1, TOKEN_USED: 19 })
    expect(await redemptionEntries('h-zjq-12')).toBe(1)
  })
})
