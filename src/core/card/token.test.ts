import fc from 'fast-check'
import { decodeBase64Url, encodeBase64Url } from '../codes/base64url'
import { CARD_TOKEN_LIFETIME_MS, encodeCardToken, newCardClaims, readCardToken, type TokenSigner } from './token'

/** A stand-in key for the pure tests (the real one is HMAC-SHA256 in server/services/card-key.ts). */
function fakeSigner(key: string): TokenSigner {
  // FNV-1a over key and data: enough to tell keys and payloads apart, not a real MAC.
  const sign = (data: string) => {
    let hash = 0x811c9dc5
    for (const ch of `${key}|${data}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0
    return encodeBase64Url(hash.toString(16))
  }
  return { sign, verify: (data, signature) => sign(data) === signature }
}

const NOW = Date.UTC(2026, 10, 24, 2, 0, 0)
const signer = fakeSigner('k1')

describe('base64url', () => {
  it('When any text is encoded, then it decodes back to the same text and matches Node’s base64url', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const encoded = encodeBase64Url(text)
        expect(encoded).toBe(Buffer.from(text, 'utf8').toString('base64url'))
        expect(decodeBase64Url(encoded)).toBe(text)
      }),
    )
  })

  it('When the text is not canonical base64url, then it decodes to null', () => {
    expect(decodeBase64Url('a')).toBeNull()
    expect(decodeBase64Url('ab+/')).toBeNull()
    expect(decodeBase64Url('QR')).toBeNull() // stray bits in the last character
  })
})

describe('card tokens', () => {
  const claims = newCardClaims('h-zjq-01', 'jti-0001', NOW)

  it('When a token is read within its lifetime, then it gives back the household and the one-time id', () => {
    const token = encodeCardToken(claims, signer)
    expect(readCardToken(token, signer, NOW + CARD_TOKEN_LIFETIME_MS - 1)).toEqual({ ok: true, claims })
    expect(claims.expiresAt - claims.issuedAt).toBe(60_000)
  })

  it('When its lifetime is over, then TOKEN_EXPIRED', () => {
    const token = encodeCardToken(claims, signer)
    expect(readCardToken(token, signer, NOW + CARD_TOKEN_LIFETIME_MS)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
  })

  it('When it was signed with another key or edited, then TOKEN_INVALID', () => {
    const token = encodeCardToken(claims, signer)
    expect(readCardToken(token, fakeSigner('k2'), NOW)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
    const other = encodeCardToken(newCardClaims('h-zjq-02', 'jti-0001', NOW), signer)
    const spliced = `${other.split('.')[0]}.${token.split('.')[1]}`
    expect(readCardToken(spliced, signer, NOW)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
    for (const junk of ['', '.', 'abc', 'a.b.c', `${token}.x`]) {
      expect(readCardToken(junk, signer, NOW)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
    }
  })

  it('When a signed payload claims a lifetime longer than 60 s, then TOKEN_INVALID', () => {
    const long = encodeCardToken({ ...claims, expiresAt: claims.issuedAt + CARD_TOKEN_LIFETIME_MS + 1 }, signer)
    expect(readCardToken(long, signer, NOW)).toEqual({ ok: false, code: 'TOKEN_INVALID' })
  })
})
