import fc from 'fast-check'
import { CROCKFORD_BASE32 } from './alphabet'
import { luhnCheckDigit, weightedCheck } from './check-character'

describe('check characters', () => {
  const check = weightedCheck(CROCKFORD_BASE32)

  it('When one character of a body changes, then its weighted check changes (property)', () => {
    const body = fc.array(fc.constantFrom(...CROCKFORD_BASE32), { minLength: 1, maxLength: 16 }).map((cs) => cs.join(''))
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 31 }), (text, at, shift) => {
        const i = at % text.length
        const other = CROCKFORD_BASE32[(CROCKFORD_BASE32.indexOf(text[i]) + shift) % 32]
        expect(check(text.slice(0, i) + other + text.slice(i + 1))).not.toBe(check(text))
      }),
    )
  })

  it('When a known number is checked, then its Luhn digit is the one bank cards use', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3)
    expect(luhnCheckDigit('33010000001')).toBe(8)
  })
})
