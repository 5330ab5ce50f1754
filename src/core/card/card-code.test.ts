import fc from 'fast-check'
import { CARD_CODE_DIGITS, formatCardCode, newCardCode, readTypedCard } from './card-code'
import { cardNumberFrom, formatCardNumber } from './card-number'

describe('the card number code a person reads aloud', () => {
  it('When a code is made, then it is 10 digits, shows as 4-3-3, and reads back however the clerk typed it', () => {
    const code = newCardCode((n) => crypto.getRandomValues(new Uint8Array(n)))
    expect(code).toMatch(/^\d{10}$/)
    expect(formatCardCode(code)).toMatch(/^\d{4} \d{3} \d{3}$/)
    expect(readTypedCard(formatCardCode(code))).toEqual({ kind: 'code', code })
    expect(readTypedCard(` ${code.slice(0, 4)}-${code.slice(4)} `)).toEqual({ kind: 'code', code })
    const fullWidth = [...code].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')
    expect(readTypedCard(fullWidth)).toEqual({ kind: 'code', code })
  })

  it('When any one digit is misheard, then it is refused as mistyped before anything is looked up', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.integer({ min: 0, max: CARD_CODE_DIGITS - 1 }), fc.integer({ min: 1, max: 9 }), (bytes, at, shift) => {
        let offset = 0
        const code = newCardCode((n) => {
          const out = new Uint8Array(n).map((_, i) => bytes[(offset + i) % bytes.length] % 250)
          offset += n
          return out
        })
        const typo = code.slice(0, at) + String((Number(code[at]) + shift) % 10) + code.slice(at + 1)
        expect(readTypedCard(typo)).toEqual({ kind: 'mistyped', message: '数字码有一位不对，请村民再念一遍' })
      }),
    )
  })

  it('When the clerk types the printed 卡号, a QR token, a short number or words, then each is told apart', () => {
    expect(readTypedCard(formatCardNumber(cardNumberFrom('33010000001')))).toEqual({ kind: 'card-number' })
    expect(readTypedCard(' eyJoIjoiaC16anEtMDEifQ.c2ln ')).toEqual({ kind: 'token', token: 'eyJoIjoiaC16anEtMDEifQ.c2ln' })
    expect(readTypedCard('1234 567')).toEqual({ kind: 'mistyped', message: '数字码是 10 位数字，现在是 7 位，请核对；实体卡上的卡号请点「输入卡号和密码」' })
    expect(readTypedCard('张建国')).toEqual({ kind: 'mistyped', message: '这不是积分卡的码，请核对' })
  })
})
