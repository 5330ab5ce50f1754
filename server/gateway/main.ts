import { createServer } from 'node:http'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { errorEnvelope } from '../../src/core/contracts/envelope'
import { AppError } from '../../src/core/errors'
import { cloudFunctions } from '../functions'
import { DEMO_IDENTITIES, seedDemoIfEmpty } from '../demo/seed'
import { openMigratedDatabase } from '../store/open-database'
import { purgeReplays, REPLAY_KEPT_DAYS } from '../services/shared/idempotency'
import { claimPort } from './claim-port'
import { withoutPrivateFiles } from './backup-copy'
import { dataDirFromEnv, privateFolder, PROJECT_ROOT } from './data-dir'
import { demoSettings } from './demo-mode'
import { servedHosts } from './same-origin'
import { lockDataDir, type DataDirLock } from './data-dir-lock'
import { createGateway, type Gateway } from './gateway'
import { InFlight } from './in-flight'
import { localPlatform } from '../platform/local/platform'
import { sendJson } from './respond'
import { runCommand } from './start-refusal'
import { startTimerBeat } from './timer-beat'
import { runTimer } from '../functions/timer'

/**
 * `npm start`: the local gateway over the built H5 app, in demo mode (`npm start` sets DEMO=1).
 * PORT (default 8787), DATA_DIR (default .data/, PGlite) or DATABASE_URL (a PostgreSQL server),
 * DEMO=1 for demo identities (refused with DATABASE_URL unless DEMO_ON_DATABASE_URL=1), DEMO_SEED=0
 * to keep demo identities but start without the demo village (a street put into use with
 * `npm run setup`, as the empty-database journey does), PUBLIC_HOST for a host name it is published
 * under besides 127.0.0.1/localhost (other Host headers are refused), MESSAGE_PUSH_TOKEN for WeChat's
message push to /api/wechat/message-push (unset: every push is refused).
 *
 * Order matters: the port first, then the data folder's lock, and only then the database, so a
 * start that cannot run says why in one line and leaves the database untouched. SIGINT/SIGTERM
 * stop taking requests, let the ones in flight finish, close the database and exit 0.
 */
async function main() {
  const port = Number(process.env.PORT ?? 8787)
  const { demoMode, seedDemo } = demoSettings(process.env)
  const dataDir = dataDirFromEnv()
  const databaseUrl = process.env.DATABASE_URL
  const inFlight = new InFlight()
  let serve: Gateway = async (_req, res) => unavailable(res, '系统正在启动，请稍后再试')
  let stopping = false
  const server = createServer((req, res) => {
    if (stopping) return unavailable(res, '系统正在停止，请稍后再试')
    inFlight.track(serve(req, res))
  })

  await claimPort(server, port, databaseUrl ? undefined : dataDir)
  // PGlite is one process's database: the folder is locked before it is opened. A PostgreSQL
  // server takes many gateways; its data folder keeps only photos and the local card key.
  let lock: DataDirLock | null = null
  try {
    privateFolder(dataDir)
    lock = databaseUrl ? null : lockDataDir(dataDir, { purpose: 'gateway', port })
  } catch (error) {
    server.close()
    throw error
  }
  process.once('exit', () => lock?.release())
  const database = await openMigratedDatabase({ databaseUrl, dataDir })
  const purged = await purgeReplays(database.db)
  if (purged > 0) console.log(`已清理 ${purged} 条 ${REPLAY_KEPT_DAYS} 天前的请求应答 (old replays purged)`)
  if (seedDemo && (await seedDemoIfEmpty(database.db, { history: true, photoDir: path.join(dataDir, 'photos') }))) {
    console.log('已写入演示村数据 (demo village seeded)')
  }
  const dump = database.dump
  const staticDir = path.join(PROJECT_ROOT, 'dist-h5')
  if (!existsSync(staticDir)) console.warn('dist-h5/ is missing: run `npm run build:h5` to serve the app')
  serve = createGateway({
    db: database.db,
    functions: cloudFunctions,
    platform: localPlatform,
    demoMode,
    demoIdentities: seedDemo ? DEMO_IDENTITIES : [],
    staticDir,
    photoDir: path.join(dataDir, 'photos'),
    backup: lock?.holder.adminToken && dump ? { token: lock.holder.adminToken, dump: async () => withoutPrivateFiles(await dump()) } : undefined,
    hosts: servedHosts(port, process.env.PUBLIC_HOST),
    messagePushToken: process.env.MESSAGE_PUSH_TOKEN,
  })
  // WeChat's timer trigger, kept here on the same beat: the clock's reminders land in 我的消息.
  const timer = startTimerBeat(async (now) => {
    const work = runTimer(database.db, localPlatform, now)
    inFlight.track(work.then(() => undefined))
    const report = await work
    if (report.reminders.sent > 0) console.log(`[timer] ${report.reminders.sent} 条提醒已发到“我的消息” (reminders sent)`)
  })
  const where = database.engine === 'pglite' ? `PGlite at ${dataDir}` : 'PostgreSQL (DATABASE_URL)'
  console.log(`善治积分 running at http://127.0.0.1:${port}/  (${demoMode ? 'demo mode' : 'demo off'}, ${where}, pid ${process.pid})`)

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return console.log('正在停止，请稍候…')
    stopping = true
    timer.stop()
    console.log(`收到 ${signal}：做完进行中的请求，关闭数据库后退出…`)
    server.close()
    server.closeIdleConnections()
    inFlight
      .settled()
      .then(async () => {
        server.closeAllConnections()
        await database.close()
        lock?.release()
        console.log('已安全停止 (stopped cleanly)')
        process.exit(0)
      })
      .catch((error) => {
        console.error('停止时出错 (error while stopping)', error)
        process.exit(1)
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function unavailable(res: Parameters<Gateway>[1], message: string) {
  sendJson(res, 503, errorEnvelope(new AppError('INTERNAL', message)), { connection: 'close', 'retry-after': '3' })
}

runCommand(main)
