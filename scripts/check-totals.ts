import { existsSync } from 'node:fs'
import path from 'node:path'
import { dataDirFromEnv } from '../server/gateway/data-dir'
import { lockDataDir } from '../server/gateway/data-dir-lock'
import { runCommand, StartRefusal } from '../server/gateway/start-refusal'
import { rawRows } from '../server/store/database'
import { findDrift, type DriftReport } from '../server/store/kept-totals'
import { openPglite } from '../server/store/open-pglite'
import { openPostgres } from '../server/store/open-postgres'

/**
 * `npm run check:totals`: recomputes every kept total (server/store/kept-totals.ts) from the ledger's
 * entries and prints each drift with its household, place or unit and figure; exits 1 if there is any. Reads the
 * PostgreSQL server at DATABASE_URL, or the embedded database in DATA_DIR (taking its lock, so it
 * refuses while the gateway runs: stop `npm start` first). Changes nothing.
 */
async function main() {
  const databaseUrl = process.env.DATABASE_URL
  const lock = databaseUrl ? null : lockDataDir(dataDirFromEnv(), { purpose: 'check:totals' })
  try {
    const database = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(existingDataDir())
    let report: DriftReport
    try {
      report = await findDrift(rawRows(database.db))
    } finally {
      await database.close()
    }
    console.log(reportLines(report).join('\n'))
    if (report.some((total) => total.drifts.length > 0)) process.exitCode = 1
  } finally {
    lock?.release()
  }
}

/** The embedded database's folder; refused if there is none (PGlite would make an empty one). */
function existingDataDir(): string {
  const dataDir = dataDirFromEnv()
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new StartRefusal(`${dataDir} 里没有数据库：先运行 npm start，或用 DATABASE_URL 指定 PostgreSQL 服务器。`)
  return dataDir
}

/** One line a kept total, and one a drift under it; the last line says whether the ledger and its totals agree. */
export function reportLines(report: DriftReport): string[] {
  const lines: string[] = []
  for (const { name, drifts, more } of report) {
    const count = drifts.length === 0 ? '无偏差 (no drift)' : `${more ? '超过 ' : ''}${drifts.length} 处偏差 (drift)${more ? '，只列前面这些' : ''}`
    lines.push(`${drifts.length === 0 ? '✓' : '✗'} ${name}: ${count}`)
    for (const d of drifts) lines.push(`    ${d.subject}  ${d.figure}  记的 ${d.kept}  按流水重算 ${d.recomputed}`)
  }
  const drifted = report.filter((total) => total.drifts.length > 0).length
  lines.push(drifted === 0 ? '所有积分合计都与流水一致。' : `${drifted} 项积分合计与流水不一致：以流水为准，请查明原因。`)
  return lines
}

if (require.main === module) runCommand(main)
