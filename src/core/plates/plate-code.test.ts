import fc from 'fast-check'
import { decodeBase64Url, encodeBase64Url } from '../codes/base64url'
import { signPayload, type Signer } from '../codes/signed-payload'
import { formatPlateCode, newPlateCode, plateLink, plateStanding, readPlateScan, readSignedPlate, signPlate } from './plate-code'

/** FNV-1a over key and data: a stand-in key for pure tests (the real one is an HMAC through node:crypto). */
function fakeSigner(key: string): Signer {
  const sign = (data: string) => {
    let hash = 0x811c9dc5
    for (const ch of `${key}|${data}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0
    return encodeBase64Url(hash.toString(16))
  }
  return { sign, verify: (data, signature) => sign(data) === signature }
}

const signer = fakeSigner('plates')
const bytes = fc.uint8Array({ minLength: 9, maxLength: 9 })
const BASE = 'https://plates.example.cn/plate'

describe('door plate codes', () => {
  it('When a plate is signed and put in its link, then a scan of the link reads back its village and code, and nothing else names the household', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = newPlateCode(() => b)
        const signed = signPlate({ villageId: 'v-zjq', code }, signer)
        const scan = readPlateScan(plateLink(BASE, signed))
        expect(scan).toEqual({ kind: 'signed', signed })
        expect(readSignedPlate(signed, signer)).toEqual({ villageId: 'v-zjq', code })
        expect(JSON.parse(decodeBase64Url(signed.split('.')[0])!)).toEqual({ v: 'v-zjq', c: code })
      }),
    )
  })

  it('When a plate is signed with another key (forged), then it is not read', () => {
    const signed = signPlate({ villageId: 'v-zjq', code: newPlateCode(() => new Uint8Array(9).fill(3)) }, fakeSigner('someone else'))
    expect(readPlateScan(signed)).toEqual({ kind: 'signed', signed })
    expect(readSignedPlate(signed, signer)).toBeNull()
  })

  it('When any one character of a signed plate is altered, then it is refused (property)', () => {
    const signed = signPlate({ villageId: 'v-zjq', code: newPlateCode(() => new Uint8Array(9).fill(11)) }, signer)
    fc.assert(
      fc.property(fc.nat(signed.length - 1), fc.constantFrom(...'Aa0-_'), (at, replacement) => {
        fc.pre(signed[at] !== replacement && signed[at] !== '.')
        expect(readSignedPlate(signed.slice(0, at) + replacement + signed.slice(at + 1), signer)).toBeNull()
      }),
    )
  })

  it('When a signed payload is not a plate (a card token’s claims), then it is refused', () => {
    expect(readSignedPlate(signPayload({ h: 'h-zjq-01', j: 'x', i: 1, e: 2 }, signer), signer)).toBeNull()
    expect(readSignedPlate(signPayload({ v: 'v-zjq', c: 'NOTACODE00' }, signer), signer)).toBeNull()
  })

  it('When the short code is typed in any case with spaces or a dash, then it reads as the code; a mistyped one is nothing', () => {
    const code = newPlateCode(() => Uint8Array.from([0, 31, 32, 100, 200, 255, 7, 13, 250]))
    expect(formatPlateCode(code)).toBe('0Z048-Z7DTE')
    expect(readPlateScan(' 0z048 z7dte ')).toEqual({ kind: 'code', code })
    expect(readPlateScan('0Z048-Z7DTF')).toBeNull()
    expect(readPlateScan(`${BASE}?p=not-a-plate`)).toBeNull()
    expect(readPlateScan('')).toBeNull()
  })

  it('When a plate was replaced by a newer one, then it is revoked; unknown, or of another village, it is unknown', () => {
    const live = { villageId: 'v-zjq', revokedAt: null }
    expect(plateStanding({ villageId: 'v-zjq' }, live)).toBe('valid')
    expect(plateStanding({ villageId: null }, live)).toBe('valid')
    expect(plateStanding({ villageId: 'v-zjq' }, { villageId: 'v-zjq', revokedAt: new Date() })).toBe('revoked')
    expect(plateStanding({ villageId: 'v-tj' }, live)).toBe('unknown')
    expect(plateStanding({ villageId: 'v-zjq' }, null)).toBe('unknown')
  })
})
