import type {
  CardHolder,
  CardToken,
  DailySummary,
  GoodsList,
  MyCard,
  PrintedCardToken,
  ReceiptView,
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
export function cardToken(): Promise<Envelope<CardToken>> {
  return callFunction('card', 'cardToken', {})
}

/** Clerk: whose card a scanned or pasted code is, and its balance. */
export function cardHolder(token: string): Promise<Envelope<CardHolder>> {
  return callFunction('card', 'holder', { token })
}

/** Clerk: a printed card's number and PIN, exchanged for a one-time token. */
export function printedCardToken(cardNumber: string, pin: string): Promise<Envelope<PrintedCardToken>> {
  return callFunction('card', 'printedCardToken', { cardNumber, pin })
}

/** The goods of the clerk's shop. */
export function shopGoods(): Promise<Envelope<GoodsList>> {
  return callFunction('card', 'goods', {})
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

/** The shop's day (today in Shanghai unless a YYYY-MM-DD day is given). */
export function dailySummary(day?: string): Promise<Envelope<DailySummary>> {
  return callFunction('card', 'dailySummary', day ? { day } : {})
}
