import fc from 'fast-check'
import { CROCKFORD_BASE32, CROCKFORD_LOOK_ALIKES, UNAMBIGUOUS_ALPHABET } from './alphabet'
import { weightedCheck } from './check-character'
import { formatShortCode, isShortCode, newShortCode, normaliseShortCode, readShortCode, type ShortCodeSpec } from './short-code'

const checked: ShortCodeSpec = {
  alphabet: CROCKFORD_BASE32,
  length: 10,
  check: weightedCheck(CROCKFORD_BASE32),
  groups: [5, 5],
  separator: '-',
  spacers: /[\s-]/g,
  lookAlikes: CROCKFORD_LOOK_ALIKES,
}
const plain: ShortCodeSpec = { alphabet: UNAMBIGUOUS_ALPHABET, length: 8, groups: [4, 4], separator: ' ', spacers: /[\s\-_]/g, foldWidth: true }

const randomBytes = fc.uint8Array({ minLength: 32, maxLength: 32 })
const fromBytes = (spec: ShortCodeSpec, bytes: Uint8Array) => newShortCode(spec, () => bytes.map((b) => b % 248))

describe('short codes', () => {
  it('When a code is made and shown, then the shown form reads back as the same code, in any case (property)', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        for (const spec of [checked, plain]) {
          const code = fromBytes(spec, bytes)
          expect(isShortCode(spec, code)).toBe(true)
          expect(readShortCode(spec, formatShortCode(spec, code))).toBe(code)
          expect(readShortCode(spec, ` ${formatShortCode(spec, code).toLowerCase()} `)).toBe(code)
        }
      }),
    )
  })

  it('When one character of a checked code is changed, then it is refused (property)', () => {
    fc.assert(
      fc.property(randomBytes, fc.nat(9), fc.integer({ min: 1, max: 31 }), (bytes, at, shift) => {
        const code = fromBytes(checked, bytes)
        const other = CROCKFORD_BASE32[(CROCKFORD_BASE32.indexOf(code[at]) + shift) % 32]
        expect(readShortCode(checked, code.slice(0, at) + other + code.slice(at + 1))).toBeNull()
      }),
    )
  })

  it('When a code is shown, then it stands in its groups', () => {
    expect(formatShortCode(checked, '7KQ2MXD4PA')).toBe('7KQ2M-XD4PA')
    expect(formatShortCode(plain, 'ABCDEFGH')).toBe('ABCD EFGH')
    expect(formatShortCode({ ...plain, groups: [4, 4, 4] }, '330100000018')).toBe('3301 0000 0018')
  })

  it('When look-alikes or full-width letters are typed, then they read as what was meant', () => {
    expect(normaliseShortCode(checked, 'oil-x')).toBe('011X')
    expect(normaliseShortCode(plain, 'ＡＢＣＤ ｅｆ_gh')).toBe('ABCDEFGH')
    expect(normaliseShortCode(plain, 'oil')).toBe('OIL')
  })

  it('When random bytes fall at or above the largest multiple of the alphabet below 256, then they are skipped', () => {
    const bytes = Uint8Array.from([0, 31, 32, 100, 200, 255, 7, 13, 250, 1, 2, 3])
    expect(newShortCode(plain, () => bytes)).toBe('2239G9F3')
    expect(newShortCode(checked, (n) => bytes.slice(0, n))).toBe('0Z048Z7DTE')
  })
})
