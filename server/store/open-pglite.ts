import { chmodSync, lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { MIGRATIONS_FOLDER, schema, statementLogger, type Database, type OpenOptions } from './database'

/**
 * Embedded PostgreSQL (PGlite): the local default and most tests. `dataDir` keeps the data on
 * disk across restarts; without it the database lives in memory.
 */
export async function openPglite(dataDir?: string, options: OpenOptions = {}): Promise<Database> {
  const client = await PGlite.create(dataDir)
  if (dataDir) closeToOthers(dataDir)
  const db = drizzle({ client, schema, logger: statementLogger(options) })
  return {
    db,
    engine: 'pglite',
    close: () => client.close(),
    // The checkpoint keeps the copy's write-ahead log short; inside the transaction lock no
    // transaction is half-done, so the files copied are one committed state.
    dump: async () => {
      await client.exec('checkpoint')
      const tarball = await client._runExclusiveTransaction(() => client.dumpDataDir('gzip'))
      return Buffer.from(await tarball.arrayBuffer())
    },
  }
}

/**
 * Opens a copy made by `Database.dump` (PGlite's own format) in `dataDir`, which must be new or
 * empty: PGlite unpacks it there and opens it as it would after a crash at that instant.
 */
export async function openPgliteDump(dataDir: string, tarball: Buffer): Promise<Database> {
  const client = await PGlite.create({ dataDir, loadDataDir: new Blob([new Uint8Array(tarball)]) })
  closeToOthers(dataDir)
  return { db: drizzle({ client, schema }), engine: 'pglite', close: () => client.close() }
}

export async function migratePglite(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  await migrate(database.db as Parameters<typeof migrate>[0], { migrationsFolder })
}

/**
 * PGlite unpacks a new database with the modes its archive carries (0666, 0644), whatever the
 * process's umask; the files it writes later follow the umask. Each open takes group and others'
 * bits off everything in the folder (a thousand files: milliseconds).
 */
function closeToOthers(folder: string): void {
  for (const entry of ['', ...readdirSync(folder, { recursive: true, encoding: 'utf8' })]) {
    const at = path.join(folder, entry)
    const stat = lstatSync(at)
    if (!stat.isSymbolicLink() && (stat.mode & 0o077) !== 0) chmodSync(at, stat.mode & 0o700)
  }
}
