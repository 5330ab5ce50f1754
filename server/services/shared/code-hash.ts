import { createHash, createHmac, randomBytes } from 'node:crypto'
import { KEPT_SECRET_FILES, keptSecret } from './kept-secret'

const MIN_KEY_BYTES = 32

let cachedKey: Buffer | undefined

/**
 * The key invite and staff codes, and every request's fingerprint (idempotency.ts), are hashed with:
 * CODE_HASH_KEY (base64 or hex, at least 32 bytes), which must be set in the cloud (every function
 * with a state change); locally a random key is made once and kept in DATA_DIR/code-hash-key. Read
 * on first use, so a function that never changes state never needs it.
 */
export function codeHashKey(): Buffer {
  cachedKey ??= keptSecret({
    envVar: 'CODE_HASH_KEY',
    fileName: KEPT_SECRET_FILES.codeHash,
    purpose: 'invite and staff codes',
    create: () => randomBytes(MIN_KEY_BYTES).toString('base64'),
    decode: decodeKey,
  })
  return cachedKey
}

function decodeKey(value: string): Buffer {
  const key = /^[0-9a-f]+$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64')
  if (key.length < MIN_KEY_BYTES) throw new Error(`CODE_HASH_KEY must hold at least ${MIN_KEY_BYTES} bytes`)
  return key
}

/**
 * How a one-time code is kept: HMAC-SHA256 under a key the database never holds. A code has only
 * ~8.5×10^11 values, so a plain hash in a dump or backup is reversed by trying them all; without
 * the key the stored hash tells nothing.
 */
export function codeHash(code: string, key: Buffer = codeHashKey()): string {
  return createHmac('sha256', key).update(code).digest('hex')
}

/**
 * The unkeyed sha256 codes were kept as before CODE_HASH_KEY. Only looked up, never written: a code
 * issued before the change still binds until it expires (7 days), and a request fingerprinted before
 * is still recognised when repeated (idempotency.ts). Remove this (and its use in `codeHashCandidates`)
 * once no row with an unkeyed hash is active — 30 days after deploying (REPLAY_KEPT_DAYS).
 */
export function legacyCodeHash(code: string): string {
  return createHash('sha256').update(code).digest('hex')
}

/**
 * The hashes a typed code may be stored under: keyed, then legacy. An HMAC and a sha256 never
 * coincide in practice, so looking both up matches a new row by its HMAC only and an old row by its
 * sha256 only: no row needs to say which kind it holds.
 */
export function codeHashCandidates(code: string): string[] {
  return [codeHash(code), legacyCodeHash(code)]
}
