import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileTimestamp } from '../src/core/period'
import { ADMIN_TOKEN_HEADER, BACKUP_ROUTE } from '../server/gateway/backup-route'
import { withoutPrivateFiles } from '../server/gateway/backup-copy'
import { dataDirFromEnv, privateFolder, PROJECT_ROOT } from '../server/gateway/data-dir'
import { heldMessage, liveHolder, lockDataDir, type LockHolder } from '../server/gateway/data-dir-lock'
import { runCommand, StartRefusal } from '../server/gateway/start-refusal'
import { openPglite } from '../server/store/open-pglite'

/**
 * `npm run db:backup [-- <file>]`: a consistent copy of the embedded database, in PGlite's own dump
 * format (the whole DATA_DIR: database, uploaded photos and the local card key), never a file
 * copy of a live folder. Only the process holding the folder may open it, so a running gateway
 * makes the copy itself (asked on 127.0.0.1 with the token from the folder's lock file); with none
 * running, this command takes the folder's lock and makes it. Default file: backups/shanzhi-<time>.tar.gz.
 */
async function main() {
  if (process.env.DATABASE_URL) {
    throw new StartRefusal('DATABASE_URL 指向 PostgreSQL 服务器：请用 pg_dump 备份它；npm run db:backup 只备份内置数据库 (PGlite)。')
  }
  const dataDir = dataDirFromEnv()
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new StartRefusal(`${dataDir} 里没有数据库，没有可备份的内容。`)
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2] ?? defaultTarget())
  // A copy holds everything the data folder holds: backups/ is the owner's alone, like the folder.
  if (process.argv[2]) mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 })
  else privateFolder(path.dirname(target))
  const tarball = await dumpDataDir(dataDir)
  // Written whole under another name first: a file with the backup's name is always complete.
  const partial = `${target}.partial`
  writeFileSync(partial, tarball, { mode: 0o600 })
  renameSync(partial, target)
  console.log(`已备份到 ${target}（${(tarball.length / 1024 / 1024).toFixed(1)} MB）。恢复它：停止善治积分后运行 npm run db:restore -- ${target}`)
}

async function dumpDataDir(dataDir: string): Promise<Buffer> {
  const holder = liveHolder(dataDir)
  if (holder?.purpose === 'gateway' && holder.port && holder.adminToken) return askGateway(holder)
  if (holder) throw new StartRefusal(heldMessage(dataDir, holder))
  const lock = lockDataDir(dataDir, { purpose: 'db:backup' })
  try {
    const database = await openPglite(dataDir)
    try {
      return withoutPrivateFiles(await database.dump!())
    } finally {
      await database.close()
    }
  } finally {
    lock.release()
  }
}

async function askGateway(holder: LockHolder): Promise<Buffer> {
  const response = await fetch(`http://127.0.0.1:${holder.port}${BACKUP_ROUTE}`, {
    method: 'POST',
    headers: { [ADMIN_TOKEN_HEADER]: holder.adminToken! },
  }).catch((error: Error) => {
    throw new StartRefusal(`善治积分（进程 ${holder.pid}）在运行，但没能在端口 ${holder.port} 上联系到它：${error.message}`)
  })
  if (!response.ok) throw new StartRefusal(`善治积分（进程 ${holder.pid}）没有做出备份：HTTP ${response.status} ${await response.text()}`)
  return Buffer.from(await response.arrayBuffer())
}

function defaultTarget(): string {
  return path.join(PROJECT_ROOT, 'backups', `shanzhi-${fileTimestamp(new Date())}.tar.gz`)
}

runCommand(main)
