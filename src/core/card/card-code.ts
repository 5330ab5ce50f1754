import { DIGITS } from '../codes/alphabet'
import { luhnCheck } from '../codes/check-character'
import { formatShortCode, newShortCode, readShortCode, type ShortCodeSpec } from '../codes/short-code'
import { normaliseCardNumber } from './card-number'

/**
 * The card's number code (数字码): what a villager reads aloud, or a clerk types from another phone,
 * when the QR cannot be scanned, like the digits under a payment code. 10 digits, the last a Luhn check
 * digit so a misheard digit is caught before anything is looked up; it stands for the QR's token of the
 * moment (same one-time use, same 60 s), and is never the printed 12-digit 卡号.
 */
export const CARD_CODE_DIGITS = 10

const CARD_CODE: ShortCodeSpec = {
  alphabet: DIGITS,
  length: CARD_CODE_DIGITS,
  check: luhnCheck,
  groups: [4, 3, 3],
  separator: ' ',
  spacers: /[\s-]/g,
  foldWidth: true,
}

export function newCardCode(randomBytes: (count: number) => Uint8Array): string {
  return newShortCode(CARD_CODE, randomBytes)
}

/** 「3829 104 755」: groups a person can read aloud. */
export function formatCardCode(code: string): string {
  return formatShortCode(CARD_CODE, code)
}

/** What a clerk typed or pasted into the one box: a number code, a printed card's number, a QR token, or a mistake. */
export type TypedCard =
  | { kind: 'code'; code: string }
  | { kind: 'card-number' }
  | { kind: 'token'; token: string }
  | { kind: 'mistyped'; message: string }

export function readTypedCard(typed: string): TypedCard {
  const text = typed.trim()
  const digitsOnly = /^[\d\s\-０-９]+$/.test(text)
  if (!digitsOnly) return text.includes('.') ? { kind: 'token', token: text } : { kind: 'mistyped', message: '这不是积分卡的码，请核对' }
  const code = readShortCode(CARD_CODE, text)
  if (code) return { kind: 'code', code }
  if (normaliseCardNumber(text.normalize('NFKC'))) return { kind: 'card-number' }
  const count = text.normalize('NFKC').replace(/\D/g, '').length
  if (count === CARD_CODE_DIGITS) return { kind: 'mistyped', message: '数字码有一位不对，请村民再念一遍' }
  return { kind: 'mistyped', message: `数字码是 ${CARD_CODE_DIGITS} 位数字，现在是 ${count} 位，请核对；实体卡上的卡号请点「输入卡号和密码」` }
}
