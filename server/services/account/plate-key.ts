import { createHmac } from 'node:crypto'
import type { PlateSigner } from '../../../src/core/plates/plate-code'
import { codeHashKey } from '../shared/code-hash'
import { hmacSigner } from '../shared/hmac-signer'

let cached: PlateSigner | undefined

/**
 * The signer of door plates: an HMAC key derived from CODE_HASH_KEY (the `account` function's kept
 * key, left out of backups) for this one purpose, so a plate's signature says nothing about the codes'
 * hashes and no further key needs keeping. Changing CODE_HASH_KEY makes every printed plate's QR
 * unreadable (their typed codes still open them): print the plates again.
 */
export function plateSigner(): PlateSigner {
  cached ??= hmacSigner(createHmac('sha256', codeHashKey()).update('door-plate-signing-key').digest())
  return cached
}
