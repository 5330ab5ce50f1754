import type {
  CardHolder,
  MyCardToken,
  DailySummary,
  GoodsList,
  GoodsView,
  MyCard,
  HeldCardToken,
  PrintedCardView,
  ReceiptView,
  Reconciliation,
  Redemption,
  Reversal,
} from '../core/contracts/card'
import type { Envelope } from '../core/contracts/envelope'
import { callFunction } from './call-function'

/** My household's point card: name, card number, balance, latest receipt. */
export function myCard(): Promise<Envelope<MyCard>> {
  return callFunction('card', 'myCard', {})
}

/** A fresh one-time QR token (valid 60 s). */
export function cardToken(): Promise<Envelope<MyCardToken>> {
  return callFunction('card', 'cardToken', {})
}

/** Clerk: whose card a scanned or pasted code is, and its balance. */
export function cardHolder(token: string): Promise<Envelope<CardHolder>> {
  return callFunction('card', 'holder', { token })
}

/** Clerk: a printed card's number and PIN, exchanged for a one-time token. */
/** A clerk turns the number code a villager reads out into the card's token, with whose card it is. */
export function codeToken(code: string): Promise<Envelope<HeldCardToken>> {
  return callFunction('card', 'codeToken', { code })
}

export function printedCardToken(cardNumber: string, pin: string): Promise<Envelope<HeldCardToken>> {
  return callFunction('card', 'printedCardToken', { cardNumber, pin })
}

/** The goods of a shop (without `shopId`: the caller's only shop), on and off the shelf. */
export function shopGoods(shopId?: string): Promise<Envelope<GoodsList>> {
  return callFunction('card', 'goods', shopId ? { shopId } : {})
}

/** Clerk or cadre: add a goods item (no `goodsId`) or change one; stock moves by `stockDelta`. */
export function saveGoods(input: {
  requestId: string
  shopId: string
  goodsId?: number
  name: string
  pointsPrice: number
  onShelf: boolean
  stockDelta: number
}): Promise<Envelope<GoodsView>> {
  return callFunction('card', 'saveGoods', input)
}

/** Redeem goods with a card token. Reuse `requestId` when retrying the same confirmation. */
export function redeem(input: {
  requestId: string
  token: string
  items: { goodsId: number; quantity: number }[]
}): Promise<Envelope<Redemption>> {
  return callFunction('card', 'redeem', input)
}

export function reverseRedemption(input: { requestId: string; receiptId: string; reason?: string }): Promise<Envelope<Reversal>> {
  return callFunction('card', 'reverseRedemption', input)
}

export function receipt(receiptId: string): Promise<Envelope<ReceiptView>> {
  return callFunction('card', 'receipt', { receiptId })
}

/** A shop's day, YYYY-MM-DD in Shanghai. */
export function dailySummary(shopId: string, day: string): Promise<Envelope<DailySummary>> {
  return callFunction('card', 'dailySummary', { shopId, day })
}

/** A shop's receipts of a day checked against the ledger entries they wrote. */
export function reconcile(shopId: string, day: string): Promise<Envelope<Reconciliation>> {
  return callFunction('card', 'reconcile', { shopId, day })
}

/** Cadre: a household's printed card number and PIN state. */
export function printedCard(householdId: string): Promise<Envelope<PrintedCardView>> {
  return callFunction('card', 'printedCard', { householdId })
}

/** Cadre: set or reset the PIN of a household's printed card (this also unlocks it). */
export function setCardPin(requestId: string, householdId: string, pin: string): Promise<Envelope<PrintedCardView>> {
  return callFunction('card', 'setCardPin', { requestId, householdId, pin })
}
