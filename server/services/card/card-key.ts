import { randomBytes } from 'node:crypto'
import type { TokenSigner } from '../../../src/core/card/token'
import { hmacSigner } from '../shared/hmac-signer'
import { KEPT_SECRET_FILES, keptSecret } from '../shared/kept-secret'

const MIN_SECRET_BYTES = 32

let cached: TokenSigner | undefined

/**
 * The signer for card tokens. The key is CARD_TOKEN_SECRET (base64 or hex, at least 32 bytes); in the
 * cloud it must be set. Locally (no cloud environment) a random key is made once and kept in
 * DATA_DIR/card-token-secret, so it is never derived from code or committed.
 */
export function cardTokenSigner(): TokenSigner {
  cached ??= hmacSigner(loadSecret())
  return cached
}

function loadSecret(): Buffer {
  return keptSecret({
    envVar: 'CARD_TOKEN_SECRET',
    fileName: KEPT_SECRET_FILES.cardToken,
    purpose: 'card tokens',
    create: () => randomBytes(MIN_SECRET_BYTES).toString('base64'),
    decode: decodeSecret,
  })
}

function decodeSecret(value: string): Buffer {
  const secret = /^[0-9a-f]+$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64')
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`CARD_TOKEN_SECRET must hold at least ${MIN_SECRET_BYTES} bytes`)
  return secret
}
