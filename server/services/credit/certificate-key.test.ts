import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto'
import { ed25519Signer } from './certificate-key'

const signer = ed25519Signer(generateKeyPairSync('ed25519').privateKey)
const text = '{"id":"7KQ2MXD4PA","statements":{"thisYear":{"points":312,"year":"2026"}},"v":1}'

describe('the cooperative’s Ed25519 signer', () => {
  it('When a bank checks a signature offline with only the published public key, then it holds', () => {
    const signature = signer.sign(text)
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/)
    expect(verify(null, Buffer.from(text), createPublicKey(signer.publicKeyPem), Buffer.from(signature, 'base64url'))).toBe(true)
  })

  it('When any one character of the signature or the text is changed, then it no longer verifies', () => {
    const signature = signer.sign(text)
    for (let i = 0; i < signature.length; i++) {
      const other = signature[i] === 'A' ? 'B' : 'A'
      expect(signer.verify(text, signature.slice(0, i) + other + signature.slice(i + 1))).toBe(false)
    }
    expect(signer.verify(text.replace('312', '313'), signature)).toBe(false)
  })

  it('When only the spare bits of the last character are changed, then it is still refused', () => {
    const signature = signer.sign(text)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(signature.at(-1)!)
    const spareBitsFlipped = alphabet[last ^ 1]
    const forged = signature.slice(0, -1) + spareBitsFlipped
    expect(Buffer.from(forged, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true)
    expect(signer.verify(text, forged)).toBe(false)
  })

  it('When another key signed it, then it does not verify', () => {
    const stranger = ed25519Signer(generateKeyPairSync('ed25519').privateKey)
    expect(signer.verify(text, stranger.sign(text))).toBe(false)
  })
})
