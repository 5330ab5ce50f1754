import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Signer } from '../../../src/core/codes/signed-payload'

/** An HMAC-SHA256 signer with one secret key (card tokens, door plates), signatures compared in constant time. */
export function hmacSigner(secret: Buffer): Signer {
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest('base64url')
  return {
    sign,
    verify(data, signature) {
      const expected = Buffer.from(sign(data))
      const given = Buffer.from(signature)
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}
