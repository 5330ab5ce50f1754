import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { count, sum } from 'drizzle-orm'
import { fileTimestamp } from '../src/core/period'
import { dataDirFromEnv } from '../server/gateway/data-dir'
import { LOCK_FILE, lockDataDir } from '../server/gateway/data-dir-lock'
import { runCommand, StartRefusal } from '../server/gateway/start-refusal'
import { openPgliteDump } from '../server/store/open-pglite'
import { households, ledgerEntries } from '../server/store/schema'
import { KEPT_SECRET_FILES } from '../server/services/shared/kept-secret'

/**
 * `npm run db:restore -- <file>`: brings back a copy made by `npm run db:backup` as DATA_DIR. It
 * takes the folder's lock (so it refuses while the gateway runs), unpacks the copy beside the
 * folder and opens it to check it, and only then swaps it in; the folder it replaces is kept
 * beside it (DATA_DIR.before-restore-<time>) until someone deletes it.
 */
async function main() {
  if (process.env.DATABASE_URL) {
    throw new StartRefusal('DATABASE_URL 指向 PostgreSQL 服务器：请用 pg_restore 恢复它；npm run db:restore 只恢复内置数据库 (PGlite)。')
  }
  if (!process.argv[2]) throw new StartRefusal('请说明要恢复哪个备份文件：npm run db:restore -- backups/shanzhi-….tar.gz')
  const source = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2])
  if (!existsSync(source)) throw new StartRefusal(`没有找到备份文件 ${source}`)
  const dataDir = dataDirFromEnv()
  const lock = lockDataDir(dataDir, { purpose: 'db:restore' })
  const staging = `${dataDir}.restoring`
  const aside = `${dataDir}.before-restore-${fileTimestamp(new Date())}`
  let swapped = false
  try {
    rmSync(staging, { recursive: true, force: true })
    const summary = await unpackAndCheck(staging, source)
    // The copy carries the lock of the gateway that made it: that process is not this folder's.
    rmSync(path.join(staging, LOCK_FILE), { force: true })
    // A backup holds no keys: the restored folder keeps this folder's, so its tokens, codes and certificates still verify.
    for (const file of Object.values(KEPT_SECRET_FILES)) {
      if (!existsSync(path.join(dataDir, file))) continue
      copyFileSync(path.join(dataDir, file), path.join(staging, file))
      chmodSync(path.join(staging, file), 0o600)
    }
    renameSync(dataDir, aside)
    renameSync(staging, dataDir)
    swapped = true
    lock.release(aside)
    const replaced = readdirSync(aside).length > 0
    if (!replaced) rmdirSync(aside)
    console.log(
      `已从 ${source} 恢复到 ${dataDir}：${summary.households} 户，积分余额合计 ${summary.balance}，账目 ${summary.entries} 条。` +
        (replaced ? `原来的数据移到了 ${aside}，确认无误后可以删除。` : ''),
    )
  } finally {
    if (!swapped) {
      rmSync(staging, { recursive: true, force: true })
      if (!existsSync(dataDir) && existsSync(aside)) renameSync(aside, dataDir)
      lock.release()
    }
  }
}

/** Unpacks the copy into `folder` and reads its totals; a file that is no such copy is refused. */
async function unpackAndCheck(folder: string, source: string) {
  let database
  try {
    database = await openPgliteDump(folder, readFileSync(source))
  } catch (error) {
    throw new StartRefusal(`${source} 不是 npm run db:backup 做的备份，没有恢复（${(error as Error).message}）`)
  }
  try {
    const [h] = await database.db.select({ n: count(), balance: sum(households.balance) }).from(households)
    const [e] = await database.db.select({ n: count() }).from(ledgerEntries)
    return { households: h.n, balance: Number(h.balance ?? 0), entries: e.n }
  } catch (error) {
    throw new StartRefusal(`${source} 里没有善治积分的账目，没有恢复（${(error as Error).message}）`)
  } finally {
    await database.close()
  }
}

runCommand(main)
