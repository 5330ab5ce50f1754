import { parseArgs } from 'node:util'
import { z } from 'zod'
import { formatLocalTime, parseLocalTime } from '../src/core/period'
import { dataDirFromEnv } from '../server/gateway/data-dir'
import { lockDataDir } from '../server/gateway/data-dir-lock'
import { runCommand, StartRefusal } from '../server/gateway/start-refusal'
import { runTimer } from '../server/functions/timer'
import { localPlatform } from '../server/platform/local/platform'
import { openMigratedDatabase } from '../server/store/open-database'

const USAGE = '用法：npm run clock -- --at "2026-12-07 08:00"（北京时间；不写 --at 就是现在）'

const atSchema = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return new Date()
    const at = parseLocalTime(text)
    if (!at) ctx.addIssue({ code: 'custom', message: `“${text}”不是一个时间。${USAGE}` })
    return at ?? new Date()
  })

/**
 * `npm run clock -- --at "2026-12-07 08:00"`: one pass of the timer (what WeChat's timer trigger runs every
 * ten minutes, and the gateway with it) at that Shanghai time: the reminders due then go to 我的消息. On the
 * PostgreSQL server at DATABASE_URL, or the embedded database in DATA_DIR (taking its lock, so stop
 * `npm start` first). A second pass at the same time sends nothing.
 */
async function main() {
  const { values } = parseArgs({ options: { at: { type: 'string' }, help: { type: 'boolean', default: false } } })
  if (values.help) return console.log(USAGE)
  const parsed = atSchema.safeParse(values.at)
  if (!parsed.success) throw new StartRefusal(parsed.error.issues[0].message)
  const databaseUrl = process.env.DATABASE_URL
  const dataDir = dataDirFromEnv()
  const lock = databaseUrl ? null : lockDataDir(dataDir, { purpose: 'clock' })
  try {
    const database = await openMigratedDatabase({ databaseUrl, dataDir })
    try {
      const report = await runTimer(database.db, localPlatform, parsed.data)
      const reminders = report.reminders.quiet ? '夜间 21:00–07:00 不发提醒，留到 07:00 以后' : `发出提醒 ${report.reminders.sent} 条`
      console.log(`定时任务 ${formatLocalTime(parsed.data)}（北京时间）：${reminders}；重新送检照片 ${report.photoChecksRetried} 张。`)
    } finally {
      await database.close()
    }
  } finally {
    lock?.release()
  }
}

runCommand(main)
