import fc from 'fast-check'
import { decodeBase64Url, encodeBase64Url, isBase64UrlText } from './base64url'

describe('base64url', () => {
  it('When any text is encoded, then it decodes back to the same text in the base64url characters only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const encoded = encodeBase64Url(text)
        expect(decodeBase64Url(encoded)).toBe(text)
        expect(encoded === '' || isBase64UrlText(encoded)).toBe(true)
      }),
    )
  })

  it('When a known text is encoded, then it is spelled as RFC 4648 §5 spells it, without padding', () => {
    expect(encodeBase64Url('{"h":"h-zjq-01"}')).toBe('eyJoIjoiaC16anEtMDEifQ')
    expect(encodeBase64Url('善治')).toBe('5ZaE5rK7')
  })

  it('When a text holds a character outside base64url, then it is not base64url text', () => {
    expect(isBase64UrlText('abc_-1')).toBe(true)
    for (const text of ['', 'ab+/', 'a=', 'a b', 'a.b']) expect(isBase64UrlText(text)).toBe(false)
  })
})
