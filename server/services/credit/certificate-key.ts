import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import type { CertificateSigner } from '../../../src/core/credit/certificate'
import { KEPT_SECRET_FILES, keptSecret } from '../shared/kept-secret'

/** An Ed25519 signer for 积分证明 with one private key; anyone with the public key can check a signature. */
export function ed25519Signer(privateKey: KeyObject): CertificateSigner {
  const publicKey = createPublicKey(privateKey)
  return {
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64url'),
    verify(data, signature) {
      const bytes = Buffer.from(signature, 'base64url')
      // Only the one spelling of the 64 bytes: the last character's two spare bits may not vary either.
      if (bytes.length !== 64 || bytes.toString('base64url') !== signature) return false
      return verify(null, Buffer.from(data, 'utf8'), publicKey, bytes)
    },
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  }
}

let cached: CertificateSigner | undefined

/**
 * The cooperative's certificate signer, its key kept as the card key is: CREDIT_SIGNING_KEY (an
 * Ed25519 private key, PKCS#8 DER in base64) must be set in the cloud; locally a key is made once and
 * kept in DATA_DIR/credit-signing-key (left out of backups: see KEPT_SECRET_FILES).
 */
export function certificateSigner(): CertificateSigner {
  cached ??= ed25519Signer(
    keptSecret({
      envVar: 'CREDIT_SIGNING_KEY',
      fileName: KEPT_SECRET_FILES.creditSigning,
      purpose: 'points certificates',
      create: () => generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      decode: decodePrivateKey,
    }),
  )
  return cached
}

function decodePrivateKey(value: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' })
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('CREDIT_SIGNING_KEY must be an Ed25519 private key (PKCS#8 DER, base64)')
  return key
}
