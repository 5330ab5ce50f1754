/**
 * The static number printed on a household's point card: 12 digits, the last a Luhn check digit,
 * so a mistyped digit is caught before anything is looked up. Shown in groups of four.
 */
export const CARD_NUMBER_DIGITS = 12

export function luhnCheckDigit(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

/** A card number from 11 random digits (made by the caller: the core has no randomness). */
export function cardNumberFrom(elevenDigits: string): string {
  if (!/^\d{11}$/.test(elevenDigits)) throw new Error('a card number is made from 11 digits')
  return `${elevenDigits}${luhnCheckDigit(elevenDigits)}`
}

/** The card number in typed form (spaces and dashes allowed), or null when it cannot be one. */
export function normaliseCardNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '')
  if (!/^\d{12}$/.test(digits)) return null
  return luhnCheckDigit(digits.slice(0, 11)) === Number(digits[11]) ? digits : null
}

export function formatCardNumber(cardNumber: string): string {
  return cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ')
}
