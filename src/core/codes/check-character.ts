/**
 * Check characters: one more character made from the others, so that a single mistyped character
 * is caught before anything is looked up.
 */
export type CheckCharacter = (body: string) => string

/**
 * A weighted sum mod the alphabet's size with odd weights 1, 3, 5, …: for an alphabet of 32 (a power
 * of two) every odd weight is prime to the modulus, so any single wrong character changes the check.
 */
export function weightedCheck(alphabet: string): CheckCharacter {
  return (body) => {
    let sum = 0
    for (let i = 0; i < body.length; i++) sum += (2 * i + 1) * alphabet.indexOf(body[i])
    return alphabet[sum % alphabet.length]
  }
}

/** The Luhn check digit of a run of decimal digits (as printed on bank cards). */
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

export const luhnCheck: CheckCharacter = (digits) => String(luhnCheckDigit(digits))
