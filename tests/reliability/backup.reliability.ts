import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { KEPT_SECRET_FILES } from '../../server/services/shared/kept-secret'
import { Figures } from './support/figures'
import { gatewayWorld } from './support/gateway-world'
import { withEmbeddedDatabase } from './support/embedded-database'
import { checkInvariants } from './support/invariants'
import { runScript } from './support/run-script'
import { isOk, loadRuleId, recordsOf, scoreLoad } from './support/score-load'
import { post } from './support/http'
import type { Rows } from './support/server-database'

/** `npm run db:backup` of the running embedded database and `npm run db:restore` of the copy. */
const figures = new Figures('backup and restore (embedded default)')
const world = gatewayWorld('pglite', figures)
const scratch = mkdtempSync(path.join(tmpdir(), 'shanzhi-backups-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let ruleId: number

beforeAll(async () => {
  ruleId = await loadRuleId(world.gateway.baseUrl)
})

/** What an accountant compares: each household's balance, its entries' sum and count. */
async function books(database: Rows) {
  return database.rows<{ id: string; balance: number; entries: number; total: number }>(
    `select h.id, h.balance, count(e.id)::int as entries, coalesce(sum(e.points), 0)::int as total
       from households h left join ledger_entries e on e.household_id = h.id group by h.id, h.balance order by h.id`,
  )
}

describe('backing up the embedded database', () => {
  it('When a backup is made while the gateway runs and clients write, then the copy restores to a whole ledger holding every write answered before the backup began', async () => {
    const early = await scoreLoad(world.gateway.baseUrl, ruleId, 'backup-early', { clients: 4, keepGoing: (s) => s.length < 20 })
    let backingUp = true
    const during = scoreLoad(world.gateway.baseUrl, ruleId, 'backup-during', { clients: 4, keepGoing: () => backingUp })
    const file = path.join(scratch, 'during.tar.gz')
    const backup = await runScript('db-backup.ts', [file], world.dataDir)
    backingUp = false
    const sentDuring = await during
    figures.requests += early.length + sentDuring.length
    expect(backup.code).toBe(0)
    expect(backup.output).toContain(`已备份到 ${file}`)
    expect(sentDuring.filter((s) => !isOk(s))).toEqual([])

    const restoredDir = path.join(scratch, 'restored')
    const restore = await runScript('db-restore.ts', [file], restoredDir)
    expect(restore.code).toBe(0)

    const { report, earlyRecords, duringRecords } = await withEmbeddedDatabase(restoredDir, async (database) => ({
      report: await checkInvariants(database),
      earlyRecords: await recordsOf(database, 'backup-early'),
      duringRecords: await recordsOf(database, 'backup-during'),
    }))
    figures.invariantChecks += report.checks
    expect(report.broken).toEqual([])
    expect(early.filter((s) => earlyRecords.get(s.requestId) !== s.householdIds.length).map((s) => s.requestId)).toEqual([])
    // A write in progress during the copy is in it whole or not at all.
    expect(sentDuring.filter((s) => ![0, s.householdIds.length].includes(duringRecords.get(s.requestId) ?? 0)).map((s) => s.requestId)).toEqual([])
    figures.add('writes during the backup', sentDuring.length)
    figures.add('of them in the copy', sentDuring.filter((s) => duringRecords.has(s.requestId)).length)
  }, 480_000)

  it('When a village restores its backup after later changes, then every balance, entry count and ledger sum is the backup\'s again, the folder keeps its own keys (the copy holds none), and the replaced data is kept beside it', async () => {
    const atBackup = await world.inspect(books)
    await world.ensureRunning()
    // A card shown today made the local card key; the backup leaves it out, the restore keeps it.
    expect(await post(world.gateway.baseUrl, 'demo-villager', 'card', { action: 'cardToken' })).toMatchObject({ answered: true, status: 200 })
    const keys = Object.values(KEPT_SECRET_FILES).filter((name) => existsSync(path.join(world.dataDir, name)))
    expect(keys).toContain(KEPT_SECRET_FILES.cardToken)
    const keyText = (name: string) => readFileSync(path.join(world.dataDir, name), 'utf8')
    const keysBefore = keys.map(keyText)
    const file = path.join(scratch, 'evening.tar.gz')
    expect((await runScript('db-backup.ts', [file], world.dataDir)).code).toBe(0)
    const archive = gunzipSync(readFileSync(file)).toString('latin1')
    for (const [i, name] of keys.entries()) {
      expect(archive).not.toContain(name)
      expect(archive).not.toContain(keysBefore[i])
    }
    const later = await scoreLoad(world.gateway.baseUrl, ruleId, 'after-backup', { clients: 2, keepGoing: (s) => s.length < 10 })
    expect(later.filter((s) => !isOk(s))).toEqual([])
    figures.requests += later.length

    // Refused while the gateway holds the folder, in one line, touching nothing.
    const refused = await runScript('db-restore.ts', [file], world.dataDir)
    expect(refused.code).not.toBe(0)
    expect(refused.output.split('\n')).toHaveLength(1)
    expect(refused.output).toContain('kill ')
    const afterLater = await world.inspect(books)
    expect(afterLater).not.toEqual(atBackup)

    const restore = await runScript('db-restore.ts', [file], world.dataDir)
    expect(restore.code).toBe(0)
    expect(restore.output).toContain('原来的数据移到了')

    expect(await world.inspect(books)).toEqual(atBackup)
    expect(keys.map(keyText)).toEqual(keysBefore)
    const aside = readdirSync(path.dirname(world.dataDir)).filter((name) => name.startsWith(`${path.basename(world.dataDir)}.before-restore-`))
    expect(aside).toHaveLength(1)
    const asideDir = path.join(path.dirname(world.dataDir), aside[0])
    expect(await withEmbeddedDatabase(asideDir, books)).toEqual(afterLater)
    rmSync(asideDir, { recursive: true, force: true })
    // The restored folder is the gateway's again.
    await world.ensureRunning()
    expect(existsSync(path.join(world.dataDir, 'PG_VERSION'))).toBe(true)
    figures.add('households compared', atBackup.length)
  }, 480_000)
})
