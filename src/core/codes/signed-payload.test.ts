import fc from 'fast-check'
import { encodeBase64Url } from './base64url'
import { readSignedPayload, signPayload, type Signer } from './signed-payload'

/** FNV-1a over key and data: a stand-in key for pure tests (the real ones use node:crypto). */
function fakeSigner(key: string): Signer {
  const sign = (data: string) => {
    let hash = 0x811c9dc5
    for (const ch of `${key}|${data}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0
    return encodeBase64Url(hash.toString(16))
  }
  return { sign, verify: (data, signature) => sign(data) === signature }
}

const signer = fakeSigner('k1')
const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown)

describe('signed payloads', () => {
  it('When a value is signed, then it reads back as the same value with the same key only (property)', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = signPayload(value, signer)
        expect(readSignedPayload(text, signer)).toEqual({ value })
        expect(readSignedPayload(text, fakeSigner('k2'))).toBeNull()
      }),
    )
  })

  it('When any one character of a signed payload is changed, then it is refused (property)', () => {
    fc.assert(
      fc.property(json, fc.nat(), fc.constantFrom(...'Aa0-_.'), (value, at, replacement) => {
        const text = signPayload(value, signer)
        const i = at % text.length
        fc.pre(text[i] !== replacement)
        expect(readSignedPayload(text.slice(0, i) + replacement + text.slice(i + 1), signer)).toBeNull()
      }),
    )
  })

  it('When a card token’s claims are signed, then the text is the one the cloud has always made', () => {
    const recorder: Signer = { sign: (data) => `sig${data.length}`, verify: () => true }
    expect(signPayload({ h: 'h-zjq-01', j: 'jti-0001', i: 1795485600000, e: 1795485660000 }, recorder)).toBe(
      'eyJoIjoiaC16anEtMDEiLCJqIjoianRpLTAwMDEiLCJpIjoxNzk1NDg1NjAwMDAwLCJlIjoxNzk1NDg1NjYwMDAwfQ.sig90',
    )
  })

  it('When the text is not two non-empty parts, then it is refused', () => {
    for (const text of ['', '.', 'abc', 'a.b.c', '.sig', 'abc.']) expect(readSignedPayload(text, signer)).toBeNull()
  })
})
