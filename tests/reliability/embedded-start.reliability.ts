import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { LOCK_FILE } from '../../server/gateway/data-dir-lock'
import { freePort, runGatewayToExit } from '../e2e/support/gateway'
import { Figures } from './support/figures'
import { gatewayWorld } from './support/gateway-world'
import { dataOf, outcomeOf, post } from './support/http'
import { checkInvariants } from './support/invariants'
import { isOk, loadRuleId, recordsOf, scoreLoad } from './support/score-load'

/**
 * The embedded default as a newcomer runs it (`npm start`, PGlite in DATA_DIR): started twice, on a
 * taken port, after a crash, and stopped with Ctrl+C or SIGTERM while people are writing.
 */
const figures = new Figures('embedded default (second start, taken port, stale lock, clean stops)')
const world = gatewayWorld('pglite', figures)
const lockFile = () => path.join(world.dataDir, LOCK_FILE)
const holderPid = () => (JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number }).pid
let ruleId: number

beforeAll(async () => {
  ruleId = await loadRuleId(world.gateway.baseUrl)
})

const oneLine = (output: string) => {
  expect(output.trim().split('\n')).toHaveLength(1)
  return output.trim()
}

describe('starting the embedded default', () => {
  it('When it is started a second time on the same data folder (another port), then one line names the running process and how to stop it, it exits non-zero, and the first goes on with its data untouched', async () => {
    const first = await post(world.gateway.baseUrl, 'demo-cadre', 'score', { action: 'submit', requestId: 'twice-before', householdIds: ['h-zjq-05'], ruleId })
    dataOf(first)
    const files = readdirSync(world.dataDir).sort()
    const lock = readFileSync(lockFile(), 'utf8')
    figures.requests++

    const second = await runGatewayToExit({ port: await freePort(), dataDir: world.dataDir })

    expect(second.code).not.toBe(0)
    const line = oneLine(second.output)
    expect(line).toContain(`进程 ${holderPid()}`)
    expect(line).toContain(`kill ${holderPid()}`)
    expect(readdirSync(world.dataDir).sort()).toEqual(files)
    expect(readFileSync(lockFile(), 'utf8')).toBe(lock)
    // The first still answers, and the write it acknowledged is there (a repeat replays it).
    expect(await post(world.gateway.baseUrl, 'demo-cadre', 'score', { action: 'submit', requestId: 'twice-before', householdIds: ['h-zjq-05'], ruleId })).toEqual(first)
    figures.add('second starts refused', 1)
  }, 300_000)

  it('When the port is taken, then one line says so, it exits non-zero, and its data folder is not even created', async () => {
    const fresh = path.join(tmpdir(), `shanzhi-never-created-${process.pid}`)
    const elsewhere = await runGatewayToExit({ port: world.gateway.port, dataDir: fresh })
    expect(elsewhere.code).not.toBe(0)
    expect(oneLine(elsewhere.output)).toContain(`端口 ${world.gateway.port} 已被别的程序占用`)
    expect(existsSync(fresh)).toBe(false)

    // The same folder and port: the line says it is already running there.
    const again = await runGatewayToExit({ port: world.gateway.port, dataDir: world.dataDir })
    expect(again.code).not.toBe(0)
    expect(oneLine(again.output)).toContain(`已经在 http://127.0.0.1:${world.gateway.port}/ 运行（进程 ${holderPid()}）`)
    figures.add('starts on a taken port refused', 2)
  }, 300_000)

  it('When the gateway was killed and left its lock behind, then the next start takes the folder over and every answered write is there', async () => {
    const sent = await scoreLoad(world.gateway.baseUrl, ruleId, 'stale-lock', { clients: 4, keepGoing: (s) => s.length < 20 })
    figures.requests += sent.length
    expect(sent.filter((s) => !isOk(s)).map((s) => `${s.requestId}: ${outcomeOf(s.answer)}`)).toEqual([])
    const killedPid = holderPid()
    await world.kill()
    expect(holderPid()).toBe(killedPid)

    await world.ensureRunning()

    expect(holderPid()).not.toBe(killedPid)
    const records = await world.inspect((database) => recordsOf(database, 'stale-lock'))
    expect(sent.filter((s) => records.get(s.requestId) !== s.householdIds.length).map((s) => s.requestId)).toEqual([])
    figures.add('stale locks taken over', 1)
  }, 300_000)
})

describe('stopping the embedded default', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'When %s arrives while ten clients write, then every request it took is answered, it exits 0 having closed the database, and after a restart every answered write is there once',
    async (signal) => {
      await world.ensureRunning()
      let signalled = false
      const sent = await scoreLoad(world.gateway.baseUrl, ruleId, `stop-${signal}`, {
        clients: 10,
        keepGoing: (s) => {
          if (!signalled && s.filter(isOk).length >= 40) {
            signalled = true
            // To the process group, as Ctrl+C in a terminal (or a service manager) sends it.
            process.kill(-world.gateway.pid, signal)
          }
          return s.length < 2_000
        },
      })
      figures.requests += sent.length

      expect(await world.gateway.exited).toBe(0)
      expect(world.gateway.output()).toContain('已安全停止')
      expect(existsSync(lockFile())).toBe(false)
      const { records, report } = await world.inspect(async (database) => ({ records: await recordsOf(database, `stop-${signal}`), report: await checkInvariants(database) }))
      figures.invariantChecks += report.checks
      expect(report.broken).toEqual([])
      // Answered ok: there, once per household. Anything else (refused while stopping, or never
      // taken because the port had closed): not there at all, so nothing was cut off half-done.
      const wrong = sent
        .filter((s) => (records.get(s.requestId) ?? 0) !== (isOk(s) ? s.householdIds.length : 0))
        .map((s) => `${s.requestId}: ${s.answer.answered ? s.answer.status : 'no answer'}, ${records.get(s.requestId) ?? 0} records`)
      figures.failures += wrong.length
      expect(wrong).toEqual([])
      figures.add(`answered ok before the ${signal} stop`, sent.filter(isOk).length)
      figures.add(`refused or unanswered during the ${signal} stop`, sent.filter((s) => !isOk(s)).length)
    },
    300_000,
  )
})
