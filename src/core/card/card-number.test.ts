import fc from 'fast-check'
import { cardNumberFrom, formatCardNumber, normaliseCardNumber } from './card-number'

describe('printed card numbers', () => {
  it('When a card number is made, then it is 12 digits, reads back typed with spaces, and shows in groups of four', () => {
    const number = cardNumberFrom('33010000001')
    expect(number).toMatch(/^\d{12}$/)
    expect(normaliseCardNumber(formatCardNumber(number))).toBe(number)
    expect(formatCardNumber(number)).toMatch(/^\d{4} \d{4} \d{4}$/)
  })

  it('When any single digit is mistyped, then the number is refused', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (digits, at, shift) => {
        const number = cardNumberFrom(digits)
        const typo = number.slice(0, at) + String((Number(number[at]) + shift) % 10) + number.slice(at + 1)
        expect(normaliseCardNumber(typo)).toBeNull()
      }),
    )
  })
})
