import { z } from 'zod'
import { calendarDaySchema, recordIdSchema } from './record-id'
import type { OrgRef } from './account'
import { requestIdSchema } from './request-id'

/** Inputs of the `card` cloud function (point card, shop goods, redemption). Front end: types only. */
const shopId = z.string().min(1).max(64).optional()
const token = z.string().min(1).max(512)
const receiptId = z.string().regex(/^R[0-9A-Z]{12}$/, '小票号不对')
const day = calendarDaySchema.optional()

export const cardInputs = {
  /** The caller's own household card: name, card number, balance, latest receipt. */
  myCard: z.object({}),
  /** A fresh one-time QR token for the caller's household (60 s). */
  cardToken: z.object({}),
  /** Clerk: whose card this token is (masked name) and its balance; the token is not used up. */
  holder: z.object({ token, shopId }),
  /** Clerk: a printed card's number and PIN, exchanged for a one-time token (wrong PINs are counted). */
  printedCardToken: z.object({ cardNumber: z.string().min(1).max(32), pin: z.string().min(1).max(12), shopId }),
  /** The number code a villager reads out (数字码); what else a clerk may type there is told apart in the service. */
  codeToken: z.object({ code: z.string().trim().min(1, '请输入数字码').max(32, '数字码是 10 位数字'), shopId }),
  goods: z.object({ shopId }),
  saveGoods: z.object({
    requestId: requestIdSchema,
    shopId,
    /** Absent: a new goods item. */
    goodsId: recordIdSchema.optional(),
    name: z.string().trim().min(1).max(30),
    pointsPrice: z.number().int().min(1).max(100_000),
    onShelf: z.boolean(),
    /** Stock added (restock) or taken away (write-off); the stock never goes below zero. */
    stockDelta: z.number().int().min(-100_000).max(100_000),
  }),
  redeem: z.object({
    requestId: requestIdSchema,
    token,
    shopId,
    items: z
      .array(z.object({ goodsId: recordIdSchema, quantity: z.number().int().min(1).max(99) }))
      .min(1)
      .max(20),
  }),
  reverseRedemption: z.object({ requestId: requestIdSchema, receiptId, reason: z.string().trim().max(100).optional() }),
  receipt: z.object({ receiptId }),
  dailySummary: z.object({ shopId, day }),
  reconcile: z.object({ shopId, day }),
  /** Cadre: a household's printed card (numbered on first ask) and its PIN state. */
  printedCard: z.object({ householdId: z.string().min(1).max(64) }),
  /** Cadre: set (or reset, which also unlocks) the PIN of a household's printed card. */
  setCardPin: z.object({ requestId: requestIdSchema, householdId: z.string().min(1).max(64), pin: z.string().max(12) }),
}

export type GoodsView = { id: number; name: string; pointsPrice: number; stock: number; onShelf: boolean }

export type ReceiptLine = { goodsId: number; name: string; unitPoints: number; quantity: number; points: number }

export type ReceiptView = {
  receiptId: string
  shop: OrgRef
  /** The household as the shop sees it: '张**'. */
  householdName: string
  villageName: string
  lines: ReceiptLine[]
  pointsSpent: number
  balanceAfter: number
  /** ISO 8601, UTC. */
  redeemedAt: string
  clerkName: string
  reversal: { at: string; byName: string; reason: string } | null
}

export type MyCard = {
  householdId: string
  householdName: string
  houseNo: string
  villageName: string
  cardNumber: string
  balance: number
  pinSet: boolean
  latestReceipt: ReceiptView | null
}

export type CardToken = { token: string; expiresAt: string }
/** My card's token for the QR, and its number code (数字码, 10 digits) that stands for the same one-time token. */
export type MyCardToken = CardToken & { code: string }

export type CardHolder = { householdName: string; villageName: string; balance: number; expiresAt: string }

/** A token a clerk obtained without scanning (a printed card's number and PIN, or a number code), with whose card it is. */
export type HeldCardToken = CardToken & { holder: CardHolder }

export type GoodsList = { shop: OrgRef; goods: GoodsView[] }

export type PrintedCardView = {
  cardNumber: string
  /** The number on the household's old paper 股东积分卡, carried in by the import of its paper points: the shop takes it too. */
  paperCardNumber: string | null
  pinSet: boolean
  locked: boolean
  pinSetAt: string | null
}

export type Redemption = { receiptId: string; pointsSpent: number; balanceAfter: number }

export type Reversal = { receiptId: string; pointsReturned: number; balanceAfter: number }

export type DailySummary = {
  shop: OrgRef
  day: string
  redemptionCount: number
  pointsSpent: number
  reversedCount: number
  pointsReturned: number
  /** Goods that left the shop and stayed out (reversed redemptions not counted). */
  goods: { goodsId: number; name: string; quantity: number; points: number }[]
  receipts: { receiptId: string; redeemedAt: string; householdName: string; pointsSpent: number; reversed: boolean }[]
}

export type Reconciliation = {
  shop: OrgRef
  day: string | null
  redemptions: { count: number; points: number }
  reversals: { count: number; points: number }
  /** Ledger totals of the entries the shop's redemptions and reversals point to. */
  ledger: { redemptionPoints: number; reversalPoints: number }
  /**
   * Receipts whose ledger entry is missing or disagrees (amount, household, kind, items), and
   * redemption entries of the served villages' households that no receipt points to.
   */
  mismatches: { receiptId: string | null; ledgerEntryId: number | null; problem: string }[]
  balanced: boolean
}

export type CardOutputs = {
  myCard: MyCard
  cardToken: MyCardToken
  holder: CardHolder
  printedCardToken: HeldCardToken
  codeToken: HeldCardToken
  goods: GoodsList
  saveGoods: GoodsView
  redeem: Redemption
  reverseRedemption: Reversal
  receipt: ReceiptView
  dailySummary: DailySummary
  reconcile: Reconciliation
  printedCard: PrintedCardView
  setCardPin: PrintedCardView
}
