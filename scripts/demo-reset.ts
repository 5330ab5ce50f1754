import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { seedDemoIfEmpty } from '../server/store/demo-seed'
import { openMigratedDatabase } from '../server/store/open-database'

/**
 * `npm run demo:reset`: the demo afresh on today's date. Deletes the embedded database in DATA_DIR
 * (default .data/) with its photos and card key, then creates, migrates and seeds it again, so the
 * living demo's year of history ends today. Refuses while a gateway uses the folder: stop `npm start`
 * first. With DATABASE_URL it refuses too: it never wipes a PostgreSQL server.
 */
async function main() {
  if (process.env.DATABASE_URL) {
    throw new Error('demo:reset 只重置本机的演示数据（DATA_DIR）；设置了 DATABASE_URL 时不会清空 PostgreSQL 服务器上的数据库。')
  }
  const root = path.resolve(__dirname, '..')
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data')
  const port = Number(process.env.PORT ?? 8787)
  if (await gatewayAnswers(port)) {
    throw new Error(`网关正在运行（http://127.0.0.1:${port}/），请先停止 npm start，再运行 npm run demo:reset。`)
  }
  // Opened the way the gateway opens it: a gateway holding the folder makes this fail before anything is deleted.
  if (existsSync(dataDir)) await (await openMigratedDatabase({ dataDir })).close()
  rmSync(dataDir, { recursive: true, force: true })

  const database = await openMigratedDatabase({ dataDir })
  try {
    await seedDemoIfEmpty(database.db, { history: true, photoDir: path.join(dataDir, 'photos') })
  } finally {
    await database.close()
  }
  console.log(`演示村已按今天的日期重新生成 (demo reset) in ${dataDir}. npm start 即可打开。`)
}

/** Whether something answers as our gateway on the port (a running `npm start`). */
async function gatewayAnswers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/functions/account`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(1_000) })
    return response.headers.get('content-type')?.includes('json') ?? false
  } catch {
    return false
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
