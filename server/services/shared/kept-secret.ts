import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The local key files in DATA_DIR, one per key. A backup of the data folder leaves them out (a copy of
 * the data with the keys would let its holder forge card tokens and certificates and search the codes'
 * hashes), and a restore keeps the keys of the folder it replaces.
 */
export const KEPT_SECRET_FILES = {
  cardToken: 'card-token-secret',
  codeHash: 'code-hash-key',
  creditSigning: 'credit-signing-key',
} as const

/** True for a key file of DATA_DIR, or a draft of one being written (`<file>.<pid>.<random>`). */
export function isKeptSecretFile(name: string): boolean {
  return Object.values(KEPT_SECRET_FILES).some((file) => name === file || name.startsWith(`${file}.`))
}

/**
 * A key the deployment keeps, never derived from code or committed: the environment variable
 * `envVar`, which must be set in the cloud; locally (no cloud environment) a key made once by
 * `create` and kept in DATA_DIR/`fileName` (readable by its owner only). `decode` checks and reads it.
 */
export function keptSecret<T>(spec: { envVar: string; fileName: (typeof KEPT_SECRET_FILES)[keyof typeof KEPT_SECRET_FILES]; purpose: string; create(): string; decode(value: string): T }): T {
  const configured = process.env[spec.envVar]
  if (configured) return spec.decode(configured)
  if (process.env.TCB_ENV || process.env.SCF_FUNCTIONNAME) {
    throw new Error(`${spec.envVar} is not set: ${spec.purpose} cannot be signed in the cloud without it`)
  }
  return spec.decode(localSecret(path.resolve(process.env.DATA_DIR ?? '.data'), spec.fileName, spec.create))
}

/** Reads the local key, creating it first if there is none (written whole, then linked: racing processes keep the first). */
function localSecret(dataDir: string, fileName: string, create: () => string): string {
  const file = path.join(dataDir, fileName)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(draft, create(), { mode: 0o600 })
  try {
    linkSync(draft, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    unlinkSync(draft)
  }
  return readFileSync(file, 'utf8').trim()
}
