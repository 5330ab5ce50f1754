import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * A key the deployment keeps, never derived from code or committed: the environment variable
 * `envVar`, which must be set in the cloud; locally (no cloud environment) a key made once by
 * `create` and kept in DATA_DIR/`fileName` (readable by its owner only). `decode` checks and reads it.
 */
export function keptSecret<T>(spec: { envVar: string; fileName: string; purpose: string; create(): string; decode(value: string): T }): T {
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
