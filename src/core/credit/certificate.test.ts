import fc from 'fast-check'
import { canonicalJson } from './canonical-json'
import {
  certificateExpiry,
  certificateStatus,
  signatureHolds,
  signCertificate,
  signedText,
  type CertificateClaims,
  type CertificateSigner,
} from './certificate'

/** A stand-in signer (the core has no crypto): the "signature" is the signed text itself, reversed. */
const mirror: CertificateSigner = {
  sign: (data) => [...data].reverse().join(''),
  verify: (data, signature) => [...data].reverse().join('') === signature,
  publicKeyPem: 'test',
}

const claims: CertificateClaims = {
  id: '7KQ2MXD4PA',
  householdId: 'h-zjq-01',
  bank: { id: 'bk-pinghu', name: '平湖农商银行' },
  issuedAt: '2026-11-29T02:00:00.000Z',
  expiresAt: '2026-12-29T02:00:00.000Z',
  statements: {
    village: '赵家桥村',
    cooperative: '赵家桥村股份经济合作社',
    head: '张**',
    headShown: false,
    shares: 4,
    thisYear: { year: '2026', points: 312 },
    lastYear: { year: '2025', points: 280 },
    rankBand: '前 10%',
    overdueRectifications: 0,
    upheldDeductions: 1,
  },
}

describe('canonical form', () => {
  it('When two objects hold the same fields in another order, then they are spelt the same', () => {
    expect(canonicalJson({ b: 1, a: { d: true, c: '积分' } })).toBe(canonicalJson({ a: { c: '积分', d: true }, b: 1 }))
    expect(canonicalJson({ b: 1, a: [2, null] })).toBe('{"a":[2,null],"b":1}')
  })

  it('When a value has a fraction or an undefined field, then it is refused rather than spelt two ways', () => {
    expect(() => canonicalJson({ points: 1.5 })).toThrow()
    expect(() => canonicalJson({ points: undefined } as never)).toThrow()
  })

  it('When any object is spelt, then parsing it back gives the same object (property)', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node
    fc.assert(
      fc.property(value, (v) => {
        const spelt = canonicalJson(v as never)
        expect(canonicalJson(JSON.parse(spelt))).toBe(spelt)
      }),
    )
  })
})

describe('the signature covers the statements, the id, the household, the bank and both times', () => {
  const signature = signCertificate(claims, mirror)

  it('When nothing was changed, then the signature holds', () => {
    expect(signatureHolds(claims, signature, mirror)).toBe(true)
    expect(signedText(claims)).toContain('"thisYear":{"points":312,"year":"2026"}')
  })

  it.each([
    ['the id', { ...claims, id: '7KQ2MXD4PB' }],
    ['the household', { ...claims, householdId: 'h-zjq-02' }],
    ['the bank', { ...claims, bank: { ...claims.bank, id: 'bk-other' } }],
    ['the issue time', { ...claims, issuedAt: '2026-11-29T02:00:01.000Z' }],
    ['the expiry', { ...claims, expiresAt: '2027-12-29T02:00:00.000Z' }],
    ['a point', { ...claims, statements: { ...claims.statements, thisYear: { year: '2026', points: 313 } } }],
    ['the rank band', { ...claims, statements: { ...claims.statements, rankBand: '前 20%' } }],
    ['the masked name', { ...claims, statements: { ...claims.statements, head: '张建国', headShown: true } }],
  ])('When %s is changed after signing, then the signature no longer holds', (_what, edited) => {
    expect(signatureHolds(edited, signature, mirror)).toBe(false)
  })
})

describe('status', () => {
  const issuedAt = new Date('2026-11-01T02:00:00Z')
  const expiresAt = certificateExpiry(issuedAt)
  const at = (iso: string) => new Date(iso)

  it('When 30 days have not passed and nobody revoked or replaced it, then it is valid, and from the 30th day on, expired', () => {
    expect(expiresAt.toISOString()).toBe('2026-12-01T02:00:00.000Z')
    expect(certificateStatus({ revokedAt: null, supersededAt: null, expiresAt }, at('2026-12-01T01:59:59Z'))).toBe('valid')
    expect(certificateStatus({ revokedAt: null, supersededAt: null, expiresAt }, at('2026-12-01T02:00:00Z'))).toBe('expired')
  })

  it('When the household revoked it, then it is revoked, even after a newer one or its expiry', () => {
    const revokedAt = at('2026-11-05T00:00:00Z')
    expect(certificateStatus({ revokedAt, supersededAt: null, expiresAt }, at('2026-11-05T00:00:01Z'))).toBe('revoked')
    expect(certificateStatus({ revokedAt, supersededAt: at('2026-11-06T00:00:00Z'), expiresAt }, at('2027-01-01T00:00:00Z'))).toBe('revoked')
  })

  it('When a newer certificate replaced it, then it is superseded', () => {
    expect(certificateStatus({ revokedAt: null, supersededAt: at('2026-11-10T00:00:00Z'), expiresAt }, at('2026-11-11T00:00:00Z'))).toBe('superseded')
  })
})
