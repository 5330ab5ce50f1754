import { DIGITS } from '../codes/alphabet'
import { luhnCheck, luhnCheckDigit } from '../codes/check-character'
import { formatShortCode, readShortCode, type ShortCodeSpec } from '../codes/short-code'

/**
 * The static number printed on a household's point card: 12 digits, the last a Luhn check digit,
 * so a mistyped digit is caught before anything is looked up. Shown in groups of four.
 */
export const CARD_NUMBER_DIGITS = 12

const CARD_NUMBER: ShortCodeSpec = {
  alphabet: DIGITS,
  length: CARD_NUMBER_DIGITS,
  check: luhnCheck,
  groups: [4, 4, 4],
  separator: ' ',
  spacers: /[\s-]/g,
}

/** A card number from 11 random digits (made by the caller: the core has no randomness). */
export function cardNumberFrom(elevenDigits: string): string {
  if (!/^\d{11}$/.test(elevenDigits)) throw new Error('a card number is made from 11 digits')
  return `${elevenDigits}${luhnCheckDigit(elevenDigits)}`
}

/** The card number in typed form (spaces and dashes allowed), or null when it cannot be one. */
export function normaliseCardNumber(input: string): string | null {
  return readShortCode(CARD_NUMBER, input)
}

export function formatCardNumber(cardNumber: string): string {
  return formatShortCode(CARD_NUMBER, cardNumber)
}
