import { randomBytes } from 'node:crypto'
import { count, eq, sum } from 'drizzle-orm'
import { formatCardCode, newCardCode, readTypedCard } from '../../src/core/card/card-code'
import { formatCardNumber } from '../../src/core/card/card-number'
import { encodeCardToken, newCardClaims } from '../../src/core/card/token'
import type { CardHolder, CardToken, GoodsList, GoodsView, MyCard, ReceiptView, Redemption, Reversal } from '../../src/core/contracts/card'
import type { DailySummary, HeldCardToken, MyCardToken, PrintedCardView, Reconciliation } from '../../src/core/contracts/card'
import type { Envelope } from '../../src/core/contracts/envelope'
import { issueCardCode } from '../services/card/card-code'
import { cardTokenSigner } from '../services/card/card-key'
import { hmacSigner } from '../services/shared/hmac-signer'
import { reverseRedemption } from '../services/card/redemption-reversal'
import type { Database } from '../store/database'
import { appendLedgerEntry } from '../store/ledger'
import { cardCodes, failedBindAttempts, goods, householdCards, households, ledgerEntries, redemptions, usedCardTokens } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { localPlatform } from '../platform/local/platform'
import { cardFunction } from './card'

process.env.CARD_TOKEN_SECRET ??= randomBytes(32).toString('hex')

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

const VILLAGER = 'demo-villager' // 张建国, h-zjq-01
const CLERK = 'demo-shop'
const CADRE = 'demo-cadre'
let requestCounter = 0
const newRequestId = () => `req-card-${String(++requestCounter).padStart(6, '0')}`

async function call<T>(openid: string, event: Record<string, unknown>): Promise<Envelope<T>> {
  return (await cardFunction.invoke({ db: database.db, openid, event, platform: localPlatform })) as Envelope<T>
}
async function ok<T>(openid: string, event: Record<string, unknown>): Promise<T> {
  const envelope = await call<T>(openid, event)
  if (!envelope.ok) throw new Error(`${String(event.action)} failed: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.data
}
async function refusal(openid: string, event: Record<string, unknown>): Promise<string> {
  const envelope = await call(openid, event)
  if (envelope.ok) throw new Error(`${String(event.action)} should have been refused`)
  return envelope.error.code
}

async function goodsNamed(name: string): Promise<GoodsView> {
  const list = await ok<GoodsList>(CLERK, { action: 'goods' })
  const item = list.goods.find((g) => g.name === name)
  if (!item) throw new Error(`no goods ${name}`)
  return item
}

async function balanceOf(householdId: string): Promise<number> {
  const [row] = await database.db.select({ balance: households.balance }).from(households).where(eq(households.id, householdId))
  return row.balance
}

/** Everything a redemption could have written: a refused one must leave all of it unchanged. */
async function snapshot() {
  const db = database.db
  const [entries] = await db.select({ n: count() }).from(ledgerEntries)
  const [receipts] = await db.select({ n: count() }).from(redemptions)
  const [tokens] = await db.select({ n: count() }).from(usedCardTokens)
  const [stock] = await db.select({ total: sum(goods.stock) }).from(goods)
  const [points] = await db.select({ total: sum(households.balance) }).from(households)
  return { entries: entries.n, receipts: receipts.n, tokens: tokens.n, stock: stock.total, points: points.total }
}

function tokenFor(householdId: string, issuedAt = Date.now(), signer = cardTokenSigner()): string {
  return encodeCardToken(newCardClaims(householdId, randomBytes(16).toString('base64url'), issuedAt), signer)
}

describe('the villager card', () => {
  it('When 张建国 opens his card, then he sees his household, a 12-digit card number and his balance', async () => {
    const card = await ok<MyCard>(VILLAGER, { action: 'myCard' })
    expect(card.householdName).toBe('张建国')
    expect(card.cardNumber).toMatch(/^\d{12}$/)
    expect(card.balance).toBe(await balanceOf('h-zjq-01'))
    expect((await ok<MyCard>(VILLAGER, { action: 'myCard' })).cardNumber).toBe(card.cardNumber)
  })

  it('When he asks for a card token, then it lives 60 seconds and the clerk sees his masked name and balance', async () => {
    const before = Date.now()
    const { token, expiresAt } = await ok<CardToken>(VILLAGER, { action: 'cardToken' })
    const lifetime = Date.parse(expiresAt) - before
    expect(lifetime).toBeGreaterThan(55_000)
    expect(lifetime).toBeLessThanOrEqual(61_000)
    const holder = await ok<CardHolder>(CLERK, { action: 'holder', token })
    expect(holder).toMatchObject({ householdName: '张**', villageName: '赵家桥村', balance: await balanceOf('h-zjq-01') })
  })

  it('When a cadre with no household asks for a card token, then FORBIDDEN', async () => {
    expect(await refusal(CADRE, { action: 'cardToken' })).toBe('FORBIDDEN')
  })
})

describe('redeeming at the shop', () => {
  it('When the clerk redeems two 面券 with a fresh token, then points, stock, ledger and both receipts agree', async () => {
    const coupon = await goodsNamed('面券')
    const balance = await balanceOf('h-zjq-01')
    const { token } = await ok<CardToken>(VILLAGER, { action: 'cardToken' })
    const result = await ok<Redemption>(CLERK, {
      action: 'redeem',
      requestId: newRequestId(),
      token,
      items: [{ goodsId: coupon.id, quantity: 2 }],
    })
    expect(result.pointsSpent).toBe(2 * coupon.pointsPrice)
    expect(result.balanceAfter).toBe(balance - 2 * coupon.pointsPrice)
    expect(await balanceOf('h-zjq-01')).toBe(result.balanceAfter)
    expect((await goodsNamed('面券')).stock).toBe(coupon.stock - 2)
    const [entry] = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, 'redemption'))
    expect(entry).toMatchObject({ householdId: 'h-zjq-01', points: -result.pointsSpent, balanceAfter: result.balanceAfter })

    const shopReceipt = await ok<ReceiptView>(CLERK, { action: 'receipt', receiptId: result.receiptId })
    expect(shopReceipt).toMatchObject({ householdName: '张**', pointsSpent: result.pointsSpent, clerkName: '钱小红', reversal: null })
    expect(shopReceipt.lines).toEqual([{ goodsId: coupon.id, name: '面券', unitPoints: coupon.pointsPrice, quantity: 2, points: result.pointsSpent }])
    const card = await ok<MyCard>(VILLAGER, { action: 'myCard' })
    expect(card.latestReceipt?.receiptId).toBe(result.receiptId)
    expect(await refusal('demo-villager-2', { action: 'receipt', receiptId: result.receiptId })).toBe('FORBIDDEN')
  })

  it('When the same requestId is sent twice, then one redemption and the same answer', async () => {
    const coupon = await goodsNamed('面券')
    const { token } = await ok<CardToken>(VILLAGER, { action: 'cardToken' })
    const event = { action: 'redeem', requestId: newRequestId(), token, items: [{ goodsId: coupon.id, quantity: 1 }] }
    const before = await snapshot()
    const first = await ok<Redemption>(CLERK, event)
    const second = await ok<Redemption>(CLERK, event)
    expect(second).toEqual(first)
    const after = await snapshot()
    expect(after.receipts).toBe(before.receipts + 1)
    expect(after.entries).toBe(before.entries + 1)
  })

  describe('refused tokens write nothing', () => {
    async function redeemWith(token: string) {
      const coupon = await goodsNamed('面券')
      const before = await snapshot()
      const code = await refusal(CLERK, { action: 'redeem', requestId: newRequestId(), token, items: [{ goodsId: coupon.id, quantity: 1 }] })
      expect(await snapshot()).toEqual(before)
      return code
    }

    it('When a used token is replayed with a new requestId, then TOKEN_USED', async () => {
      const coupon = await goodsNamed('面券')
      const { token } = await ok<CardToken>(VILLAGER, { action: 'cardToken' })
      await ok(CLERK, { action: 'redeem', requestId: newRequestId(), token, items: [{ goodsId: coupon.id, quantity: 1 }] })
      expect(await redeemWith(token)).toBe('TOKEN_USED')
      expect(await refusal(CLERK, { action: 'holder', token })).toBe('TOKEN_USED')
    })

    it('When a token is older than its 60 s lifetime, then TOKEN_EXPIRED', async () => {
      expect(await redeemWith(tokenFor('h-zjq-01', Date.now() - 61_000))).toBe('TOKEN_EXPIRED')
    })

    it('When a token was signed with another key, then TOKEN_INVALID', async () => {
      expect(await redeemWith(tokenFor('h-zjq-01', Date.now(), hmacSigner(randomBytes(32))))).toBe('TOKEN_INVALID')
    })

    it('When a token is edited to name another household, then TOKEN_INVALID', async () => {
      const [, signature] = tokenFor('h-zjq-01').split('.')
      const [forgedPayload] = tokenFor('h-zjq-03').split('.')
      expect(await redeemWith(`${forgedPayload}.${signature}`)).toBe('TOKEN_INVALID')
      expect(await redeemWith('not-a-token')).toBe('TOKEN_INVALID')
    })

    it('When a 通界村 household’s token is shown at 赵家桥村’s shop, then TOKEN_FOREIGN', async () => {
      expect(await redeemWith(tokenFor('h-tj-01'))).toBe('TOKEN_FOREIGN')
    })
  })

  it('When the basket costs more than the balance, then INSUFFICIENT_POINTS and the token stays unused', async () => {
    const rice = await goodsNamed('大米五斤')
    const { token } = await ok<CardToken>('demo-villager-2', { action: 'cardToken' })
    const before = await snapshot()
    const code = await refusal(CLERK, { action: 'redeem', requestId: newRequestId(), token, items: [{ goodsId: rice.id, quantity: 5 }] })
    expect(code).toBe('INSUFFICIENT_POINTS')
    expect(await snapshot()).toEqual(before)
    await ok(CLERK, { action: 'holder', token })
  })

  it('When goods are off the shelf, then GOODS_OFF_SHELF', async () => {
    const towel = await goodsNamed('毛巾一条')
    await ok(CLERK, { action: 'saveGoods', requestId: newRequestId(), goodsId: towel.id, name: towel.name, pointsPrice: towel.pointsPrice, onShelf: false, stockDelta: 0 })
    const { token } = await ok<CardToken>(VILLAGER, { action: 'cardToken' })
    const code = await refusal(CLERK, { action: 'redeem', requestId: newRequestId(), token, items: [{ goodsId: towel.id, quantity: 1 }] })
    expect(code).toBe('GOODS_OFF_SHELF')
    await ok(CLERK, { action: 'saveGoods', requestId: newRequestId(), goodsId: towel.id, name: towel.name, pointsPrice: towel.pointsPrice, onShelf: true, stockDelta: 0 })
  })

  it('When a villager or another village’s cadre tries to redeem, then FORBIDDEN', async () => {
    const coupon = await goodsNamed('面券')
    const event = { action: 'redeem', requestId: newRequestId(), token: tokenFor('h-zjq-01'), items: [{ goodsId: coupon.id, quantity: 1 }] }
    expect(await refusal(VILLAGER, event)).toBe('FORBIDDEN')
    expect(await refusal('demo-cadre-other', event)).toBe('FORBIDDEN')
  })
})

describe('reversing a redemption', () => {
  async function redeemOne(quantity = 1): Promise<Redemption> {
    const soap = await goodsNamed('洗衣粉一袋')
    const { token } = await ok<CardToken>('demo-villager-2', { action: 'cardToken' })
    return ok<Redemption>(CLERK, { action: 'redeem', requestId: newRequestId(), token, items: [{ goodsId: soap.id, quantity }] })
  }

  it('When the clerk reverses today’s redemption, then points and stock come back once, by a linked entry', async () => {
    const soapBefore = await goodsNamed('洗衣粉一袋')
    const balanceBefore = await balanceOf('h-zjq-02')
    const redemption = await redeemOne(2)
    const reversal = await ok<Reversal>(CLERK, { action: 'reverseRedemption', requestId: newRequestId(), receiptId: redemption.receiptId, reason: '拿错了' })
    expect(reversal).toEqual({ receiptId: redemption.receiptId, pointsReturned: redemption.pointsSpent, balanceAfter: balanceBefore })
    expect(await balanceOf('h-zjq-02')).toBe(balanceBefore)
    expect((await goodsNamed('洗衣粉一袋')).stock).toBe(soapBefore.stock)
    const back = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, 'redemption_reversal'))
    expect(back.at(-1)).toMatchObject({ points: redemption.pointsSpent, householdId: 'h-zjq-02' })

    const before = await snapshot()
    expect(await refusal(CADRE, { action: 'reverseRedemption', requestId: newRequestId(), receiptId: redemption.receiptId })).toBe('ALREADY_REVERSED')
    expect(await snapshot()).toEqual(before)
    const receipt = await ok<ReceiptView>('demo-villager-2', { action: 'receipt', receiptId: redemption.receiptId })
    expect(receipt.reversal).toMatchObject({ byName: '钱小红', reason: '拿错了' })
  })

  it('When the clerk tries to reverse it the next day, then FORBIDDEN, but a cadre of the village may', async () => {
    const redemption = await redeemOne()
    const tomorrow = new Date(Date.now() + 24 * 3600_000)
    await expect(
      database.db.transaction((tx) => reverseRedemption(tx, CLERK, { receiptId: redemption.receiptId }, tomorrow)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const reversal = await database.db.transaction((tx) => reverseRedemption(tx, CADRE, { receiptId: redemption.receiptId }, tomorrow))
    expect(reversal.pointsReturned).toBe(redemption.pointsSpent)
    expect(await refusal('demo-cadre-other', { action: 'reverseRedemption', requestId: newRequestId(), receiptId: redemption.receiptId })).toBe('FORBIDDEN')
  })
})

describe('goods, summary and reconciliation', () => {
  it('When the clerk adds goods and restocks, then the list shows them; stock can never be taken below zero', async () => {
    const added = await ok<GoodsView>(CLERK, { action: 'saveGoods', requestId: newRequestId(), name: '肥皂一块', pointsPrice: 8, onShelf: true, stockDelta: 5 })
    expect(added).toMatchObject({ name: '肥皂一块', pointsPrice: 8, stock: 5, onShelf: true })
    const code = await refusal(CADRE, { action: 'saveGoods', requestId: newRequestId(), goodsId: added.id, name: '肥皂一块', pointsPrice: 8, onShelf: true, stockDelta: -6 })
    expect(code).toBe('INSUFFICIENT_STOCK')
    const restocked = await ok<GoodsView>(CADRE, { action: 'saveGoods', requestId: newRequestId(), goodsId: added.id, name: '肥皂一块', pointsPrice: 9, onShelf: true, stockDelta: 10 })
    expect(restocked).toMatchObject({ pointsPrice: 9, stock: 15 })
    expect(await refusal('demo-cadre-other', { action: 'goods', shopId: 'shop-zjq' })).toBe('FORBIDDEN')
    expect(await refusal(CLERK, { action: 'saveGoods', requestId: newRequestId(), name: '面券', pointsPrice: 1, onShelf: true, stockDelta: 0 })).toBe('INVALID_INPUT')
  })

  it('When the day is summed up, then counts and points match the receipts, and the ledger reconciles', async () => {
    const summary = await ok<DailySummary>(CLERK, { action: 'dailySummary' })
    const [spent] = await database.db.select({ total: sum(redemptions.pointsSpent), n: count() }).from(redemptions)
    expect(summary.redemptionCount).toBe(spent.n)
    expect(summary.pointsSpent).toBe(Number(spent.total))
    expect(summary.reversedCount).toBe(2)
    expect(summary.receipts.every((r) => r.householdName.endsWith('*'))).toBe(true)
    const goodsPoints = summary.goods.reduce((a, g) => a + g.points, 0)
    expect(goodsPoints).toBe(summary.pointsSpent - summary.pointsReturned)

    const reconciliation = await ok<Reconciliation>(CADRE, { action: 'reconcile' })
    expect(reconciliation.mismatches).toEqual([])
    expect(reconciliation.balanced).toBe(true)
    expect(reconciliation.ledger.redemptionPoints).toBe(reconciliation.redemptions.points)
    expect(reconciliation.ledger.reversalPoints).toBe(reconciliation.reversals.points)
  })

  it('When a redemption entry has no receipt, then reconciliation names it', async () => {
    await database.db.transaction((tx) =>
      appendLedgerEntry(tx, { householdId: 'h-zjq-07', points: -1, kind: 'redemption', mustStayNonNegative: true }),
    )
    const reconciliation = await ok<Reconciliation>(CLERK, { action: 'reconcile' })
    expect(reconciliation.balanced).toBe(false)
    expect(reconciliation.mismatches).toEqual([expect.objectContaining({ receiptId: null, problem: expect.stringContaining('没有对应的小票') })])
  })
})

describe('the printed card (number + PIN)', () => {
  const HOUSEHOLD = 'h-zjq-03' // 王金林, no phone in the demo

  it('When a cadre sets a PIN, then the clerk can redeem with the card number and PIN', async () => {
    expect(await refusal(CADRE, { action: 'setCardPin', requestId: newRequestId(), householdId: HOUSEHOLD, pin: '123456' })).toBe('INVALID_INPUT')
    expect(await refusal('demo-cadre-other', { action: 'setCardPin', requestId: newRequestId(), householdId: HOUSEHOLD, pin: '480913' })).toBe('FORBIDDEN')
    const { cardNumber } = await ok<{ cardNumber: string }>(CADRE, { action: 'setCardPin', requestId: newRequestId(), householdId: HOUSEHOLD, pin: '480913' })
    const printed = await ok<HeldCardToken>(CLERK, { action: 'printedCardToken', cardNumber, pin: '480913' })
    expect(printed.holder.householdName).toBe('王**')
    const coupon = await goodsNamed('面券')
    const balance = await balanceOf(HOUSEHOLD)
    const result = await ok<Redemption>(CLERK, { action: 'redeem', requestId: newRequestId(), token: printed.token, items: [{ goodsId: coupon.id, quantity: 1 }] })
    expect(result.balanceAfter).toBe(balance - coupon.pointsPrice)
  })

  it('When a wrong PIN is tried 5 times, then the card is locked even for the right PIN until a cadre resets it', async () => {
    const { cardNumber } = await ok<{ cardNumber: string }>(CADRE, { action: 'setCardPin', requestId: newRequestId(), householdId: HOUSEHOLD, pin: '480913' })
    const codes = []
    for (let i = 0; i < 5; i++) codes.push(await refusal(CLERK, { action: 'printedCardToken', cardNumber, pin: '111222' }))
    expect(codes).toEqual(['PIN_WRONG', 'PIN_WRONG', 'PIN_WRONG', 'PIN_WRONG', 'PIN_LOCKED'])
    expect(await refusal(CLERK, { action: 'printedCardToken', cardNumber, pin: '480913' })).toBe('PIN_LOCKED')
    // The cadre's 农户信息 page shows the card as locked, and a reset unlocks it.
    expect(await ok<PrintedCardView>(CADRE, { action: 'printedCard', householdId: HOUSEHOLD })).toMatchObject({ cardNumber, pinSet: true, locked: true })
    expect(await refusal('demo-cadre-other', { action: 'printedCard', householdId: HOUSEHOLD })).toBe('FORBIDDEN')
    expect(await refusal(CLERK, { action: 'printedCard', householdId: HOUSEHOLD })).toBe('FORBIDDEN')
    const reset = await ok<PrintedCardView>(CADRE, { action: 'setCardPin', requestId: newRequestId(), householdId: HOUSEHOLD, pin: '480913' })
    expect(reset).toMatchObject({ cardNumber, pinSet: true, locked: false })
    await ok(CLERK, { action: 'printedCardToken', cardNumber, pin: '480913' })
  })

  it('When the card number has a typo, then INVALID_INPUT before any PIN is tried', async () => {
    const { cardNumber } = await ok<MyCard>(VILLAGER, { action: 'myCard' })
    const typo = cardNumber.slice(0, 11) + String((Number(cardNumber[11]) + 1) % 10)
    expect(await refusal(CLERK, { action: 'printedCardToken', cardNumber: typo, pin: '480913' })).toBe('INVALID_INPUT')
  })
})

// Last in this file: its final case uses up the clerk's hourly allowance of wrong codes.
describe('the number code (数字码) read aloud when the QR cannot be scanned', () => {
  it('When 张建国 reads out the code under his QR, then the clerk gets his card and one redemption, after which the code and the QR are both used', async () => {
    const mine = await ok<MyCardToken>(VILLAGER, { action: 'cardToken' })
    expect(mine.code).toMatch(/^\d{10}$/)
    const held = await ok<HeldCardToken>(CLERK, { action: 'codeToken', code: formatCardCode(mine.code) })
    expect(held.token).toBe(mine.token)
    expect(held.holder).toMatchObject({ householdName: '张**', balance: await balanceOf('h-zjq-01') })
    const coupon = await goodsNamed('面券')
    const balance = await balanceOf('h-zjq-01')
    await ok<Redemption>(CLERK, { action: 'redeem', requestId: newRequestId(), token: held.token, items: [{ goodsId: coupon.id, quantity: 1 }] })
    expect(await balanceOf('h-zjq-01')).toBe(balance - coupon.pointsPrice)
    expect(await refusal(CLERK, { action: 'codeToken', code: mine.code })).toBe('TOKEN_USED')
    expect(await refusal(CLERK, { action: 'redeem', requestId: newRequestId(), token: mine.token, items: [{ goodsId: coupon.id, quantity: 1 }] })).toBe('TOKEN_USED')
    // Only the code's keyed hash is kept.
    const rows = await database.db.select().from(cardCodes)
    expect(JSON.stringify(rows)).not.toContain(mine.code)
  })

  it('When a phone asks for codes over and over, then only the household\'s newest few stay live', async () => {
    const codes = []
    for (let i = 0; i < 8; i++) codes.push((await ok<MyCardToken>(VILLAGER, { action: 'cardToken' })).code)
    const rows = await database.db.select().from(cardCodes).where(eq(cardCodes.householdId, 'h-zjq-01'))
    expect(rows).toHaveLength(4)
    expect(await ok<HeldCardToken>(CLERK, { action: 'codeToken', code: codes[7] })).toMatchObject({ holder: { householdName: '张**' } })
  })

  it('When the clerk types a misheard digit, the printed 卡号, or is no clerk, then he is told plainly and nothing is counted', async () => {
    const mine = await ok<MyCardToken>(VILLAGER, { action: 'cardToken' })
    const misheard = mine.code.slice(0, 9) + String((Number(mine.code[9]) + 1) % 10)
    const answer = await call(CLERK, { action: 'codeToken', code: misheard })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '数字码有一位不对，请村民再念一遍' } })
    const [card] = await database.db.select().from(householdCards).where(eq(householdCards.householdId, 'h-zjq-01'))
    expect(await call(CLERK, { action: 'codeToken', code: formatCardNumber(card.cardNumber) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('输入卡号和密码') },
    })
    for (const stranger of [VILLAGER, CADRE, 'demo-bank']) expect(await refusal(stranger, { action: 'codeToken', code: mine.code })).toBe('FORBIDDEN')
    const [{ n }] = await database.db.select({ n: count() }).from(failedBindAttempts).where(eq(failedBindAttempts.openid, CLERK))
    expect(n).toBe(0)
    expect(await ok<HeldCardToken>(CLERK, { action: 'codeToken', code: mine.code })).toMatchObject({ token: mine.token })
  })

  it('When a 通界村 household’s code is read at 赵家桥村’s shop, then TOKEN_FOREIGN; an expired code and guessed codes count, and at five the clerk must wait', async () => {
    const now = Date.now()
    const foreign = await issueCardCode(database.db, newCardClaims('h-tj-01', 'jti-code-foreign', now), new Date(now))
    expect(await refusal(CLERK, { action: 'codeToken', code: foreign })).toBe('TOKEN_FOREIGN')
    const expired = await issueCardCode(database.db, newCardClaims('h-zjq-01', 'jti-code-expired', now - 120_000), new Date(now - 120_000))
    const live = (await ok<MyCardToken>(VILLAGER, { action: 'cardToken' })).code
    // Guesses a clerk could type: well formed (their check digit holds), live for nobody.
    const guesses = [1, 2, 3, 4].map((digit) => newCardCode((count) => new Uint8Array(count).fill(digit)))
    expect(guesses.every((g) => readTypedCard(g).kind === 'code')).toBe(true)
    const answers = []
    for (const code of [expired, ...guesses]) answers.push(await call(CLERK, { action: 'codeToken', code }))
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['CARD_CODE_WRONG', 'CARD_CODE_WRONG', 'CARD_CODE_WRONG', 'CARD_CODE_WRONG', 'CARD_CODE_WRONG'])
    expect(answers[0]).toMatchObject({ ok: false, error: { message: expect.stringContaining('还可以再试 4 次') } })
    expect(await call(CLERK, { action: 'codeToken', code: live })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('数字码输错次数太多') } })
  })
})
