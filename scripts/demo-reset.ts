import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { dataDirFromEnv } from '../server/gateway/data-dir'
import { LOCK_FILE, lockDataDir } from '../server/gateway/data-dir-lock'
import { runCommand, StartRefusal } from '../server/gateway/start-refusal'
import { seedDemoIfEmpty } from '../server/demo/seed'
import { openMigratedDatabase } from '../server/store/open-database'

/**
 * `npm run demo:reset`: the demo afresh on today's date. Takes the data folder's lock first (so it
 * refuses, touching nothing, while a gateway or a backup holds DATA_DIR), then deletes the embedded
 * database with its photos and card key, and creates, migrates and seeds it again, so the living
 * demo's year of history ends today. With DATABASE_URL it refuses: it never wipes a PostgreSQL server.
 */
async function main() {
  if (process.env.DATABASE_URL) {
    throw new StartRefusal('demo:reset 只重置本机的演示数据（DATA_DIR）；设置了 DATABASE_URL 时不会清空 PostgreSQL 服务器上的数据库。')
  }
  const dataDir = dataDirFromEnv()
  const lock = lockDataDir(dataDir, { purpose: 'demo:reset' })
  try {
    for (const entry of readdirSync(dataDir)) {
      if (entry !== LOCK_FILE) rmSync(path.join(dataDir, entry), { recursive: true, force: true })
    }
    const database = await openMigratedDatabase({ dataDir })
    try {
      await seedDemoIfEmpty(database.db, { history: true, photoDir: path.join(dataDir, 'photos') })
    } finally {
      await database.close()
    }
  } finally {
    lock.release()
  }
  console.log(`演示村已按今天的日期重新生成 (demo reset) in ${dataDir}. npm start 即可打开。`)
}

runCommand(main)
