import fc from 'fast-check'
import { certificateQrText, CODE_ALPHABET, formatCertificateCode, newCertificateCode, readCertificateCode, readCertificateScan } from './certificate-code'

const bytes = fc.uint8Array({ minLength: 9, maxLength: 9 })
const codeFrom = (b: Uint8Array) => newCertificateCode(() => b)

describe('certificate codes', () => {
  it('When a code is made, then it is 10 characters of the unambiguous alphabet and reads back as itself, typed any way', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = codeFrom(b)
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)
        expect(readCertificateCode(code)).toBe(code)
        expect(readCertificateCode(formatCertificateCode(code).toLowerCase())).toBe(code)
        expect(readCertificateCode(` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(code)
      }),
    )
  })

  it('When any one character is mistyped, then the check catches it (property)', () => {
    fc.assert(
      fc.property(bytes, fc.nat(9), fc.nat(31), (b, position, shift) => {
        const code = codeFrom(b)
        const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[position]) + 1 + (shift % 31)) % 32]
        expect(readCertificateCode(code.slice(0, position) + wrong + code.slice(position + 1))).toBeNull()
      }),
    )
  })

  it('When O, I or L are typed for 0 and 1, then they are read as the digits', () => {
    const code = codeFrom(new Uint8Array([0, 1, 0, 1, 0, 1, 0, 1, 0]))
    expect(code.slice(0, 9)).toBe('010101010')
    expect(readCertificateCode(`OIOLO${code.slice(5).replace(/0/g, 'o').replace(/1/g, 'l')}`)).toBe(code)
  })

  it('When a QR is scanned, then its code and signature are read; a bare code has no signature; anything else is nothing', () => {
    const code = codeFrom(new Uint8Array(9).fill(7))
    expect(readCertificateScan(certificateQrText(code, 'abc_-1'))).toEqual({ code, signature: 'abc_-1' })
    expect(readCertificateScan(formatCertificateCode(code))).toEqual({ code, signature: null })
    expect(readCertificateScan(`SZD1.${code.toLowerCase()}.abc`)).toBeNull()
    expect(readCertificateScan('eyJoIjoiaC16anEtMDEifQ.sig')).toBeNull()
    expect(readCertificateScan('')).toBeNull()
  })

  it('When a code is made from known bytes, then it is the code the cloud has always made from them', () => {
    const known = Uint8Array.from([0, 31, 32, 100, 200, 255, 7, 13, 250])
    expect(newCertificateCode(() => known)).toBe('0Z048Z7DTE')
    expect(formatCertificateCode('0Z048Z7DTE')).toBe('0Z048-Z7DTE')
  })
})
