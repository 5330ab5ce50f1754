/**
 * A city's busiest hour, compressed (issue 24; DESIGN: "Connections are budgeted"). A PostgreSQL
 * cluster of its own with max_connections = 20 and PgBouncer in transaction mode in front; a few
 * hundred simulated warm cloud-function instances, each with its own pool (as WeChat runs them), play
 * a few thousand mixed calls through the real handlers: the ranking, a villager's notices, a walk
 * (score.submit), a redemption at the shop (card token, then redeem), a 积分证明 (credit.issue), whoami.
 * Some writes are sent twice with their requestId, as a client retries after BUSY or a lost answer.
 *
 * Through the pooler (one connection per instance): no call fails, every write applies once, the
 * ledger's invariants and kept totals hold; p95 is reported as a ratio to the same calls played one
 * at a time in the same run. Straight to PostgreSQL with the old pool size (2, no connect retry): the
 * refused calls are counted. Skips in one line where initdb or pgbouncer is missing.
 */
import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import type { Envelope } from '../../src/core/contracts/envelope'
import type { RuleSetView } from '../../src/core/contracts/score'
import { localPlatform } from '../../server/platform/local/platform'
import { cloudFunctions } from '../../server/functions'
import { seedDemoIfEmpty } from '../../server/demo/seed'
import { INSTANCE_BUDGET } from '../../server/store/connection-budget'
import { rawRows, type Database } from '../../server/store/database'
import { findDrift } from '../../server/store/kept-totals'
import { checkLedgerInvariants } from '../../server/store/ledger-invariants'
import { migratePostgres, openPostgres } from '../../server/store/open-postgres'
import { clusterTools, startPrivateCluster, type PrivateCluster } from './support/private-cluster'
import { seededRandom } from './support/load'

const INSTANCES = Number(process.env.BURST_INSTANCES ?? 300)
const CALLS = Number(process.env.BURST_CALLS ?? 2000)
const MAX_CONNECTIONS = 20
/** PgBouncer's server connections: what max_connections leaves after the checks' own few. */
const POOLER_SERVER_CONNECTIONS = 14

const tools = clusterTools()
const describeBurst = typeof tools === 'string' ? describe.skip : describe
if (typeof tools === 'string') console.log(`[reliability] burst.reliability.ts: skipped, ${tools}`)

jest.setTimeout(300_000)

// Keys of the instance's environment, as a deployed function has them (never written to a data folder).
process.env.CARD_TOKEN_SECRET ??= randomBytes(32).toString('hex')
process.env.CREDIT_SIGNING_KEY ??= (
  require('node:crypto') as typeof import('node:crypto')
).generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')

/** Households of the villagers who show their card and ask for certificates in the burst. */
const VILLAGER_HOUSEHOLDS = ['01', '02', '05', '12', '16', '20', '23', '27', '30']
const VILLAGERS = ['demo-villager', 'demo-villager-2', ...VILLAGER_HOUSEHOLDS.slice(2).map((n) => `demo-member-h-zjq-${n}`)]
/** Households the cadre's walks score: 赵家桥村's other 23, so the redeeming households keep their points. */
const WALKED = Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, '0'))
  .filter((n) => !VILLAGER_HOUSEHOLDS.includes(n))
  .map((n) => `h-zjq-${n}`)

type Answer = Envelope<unknown>
type Sent = { call: string; event: Record<string, unknown>; answer: Answer; ms: number }
type Step = { fn: string; openid: string; event: Record<string, unknown> }
/** One unit of work an instance takes: one call, or two in a row (a card token, then the clerk's redeem). */
type Job = (invoke: (step: Step) => Promise<Sent>) => Promise<void>

/** The busy hour's mix: mostly reads (ranking, notices), then walks, redemptions, certificates. */
function planJobs(calls: number, prefix: string, seeded: Seeded, random: () => number): Job[] {
  const { lavishRuleId, goodsId } = seeded
  const jobs: Job[] = []
  const twins: Job[] = []
  let planned = 0
  let n = 0
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  while (planned < calls) {
    const roll = random()
    const requestId = `${prefix}-${String(n++).padStart(5, '0')}`
    let job: Job
    if (roll < 0.3) {
      const period = random() < 0.5 ? '2026' : '2026-12'
      job = async (invoke) => void (await invoke({ fn: 'score', openid: pick(VILLAGERS), event: { action: 'ranking', orgId: 'v-zjq', period } }))
    } else if (roll < 0.5) {
      job = async (invoke) => void (await invoke({ fn: 'notice', openid: pick(VILLAGERS), event: { action: 'mine' } }))
    } else if (roll < 0.7) {
      const householdIds = [...new Set([pick(WALKED), pick(WALKED), pick(WALKED)].slice(0, 1 + Math.floor(random() * 3)))]
      const step: Step = { fn: 'score', openid: 'demo-cadre', event: { action: 'submit', requestId, householdIds, ruleId: lavishRuleId } }
      job = async (invoke) => void (await invoke(step))
      if (random() < 0.15) twins.push(job)
    } else if (roll < 0.85) {
      const villager = pick(VILLAGERS)
      job = async (invoke) => {
        const token = await invoke({ fn: 'card', openid: villager, event: { action: 'cardToken' } })
        if (!token.answer.ok) return
        const redeem: Step = {
          fn: 'card',
          openid: 'demo-shop',
          event: { action: 'redeem', requestId, token: (token.answer.data as { token: string }).token, items: [{ goodsId, quantity: 1 }] },
        }
        await invoke(redeem)
        // The clerk's phone lost the answer: the same redeem again, same token, same requestId.
        if (random() < 0.1) await invoke(redeem)
      }
      planned++
    } else if (roll < 0.95) {
      const step: Step = { fn: 'credit', openid: pick(VILLAGERS), event: { action: 'issue', requestId, bankId: 'bk-pinghu' } }
      job = async (invoke) => void (await invoke(step))
      if (random() < 0.15) twins.push(job)
    } else {
      job = async (invoke) => void (await invoke({ fn: 'account', openid: pick(VILLAGERS), event: { action: 'whoami' } }))
    }
    jobs.push(job)
    planned++
  }
  // The twins come later in the hour, as a client's retry does.
  for (const twin of twins) jobs.splice(Math.floor(jobs.length / 2 + random() * (jobs.length / 2)), 0, twin)
  return jobs
}

/** `instances` warm instances, each with its own pool, take the jobs in turn until none is left. */
async function play(instances: Database[], jobs: Job[], afterCall?: (call: string) => void): Promise<{ sent: Sent[]; seconds: number }> {
  const sent: Sent[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    instances.map(async (instance) => {
      const invoke = async (step: Step): Promise<Sent> => {
        const event = step.event
        const t0 = performance.now()
        const answer = await cloudFunctions[step.fn].invoke({ db: instance.db, openid: step.openid, event, platform: localPlatform })
        const record = { call: `${step.fn}.${String(step.event.action)}`, event, answer, ms: performance.now() - t0 }
        sent.push(record)
        afterCall?.(record.call)
        return record
      }
      while (next < jobs.length) await jobs[next++](invoke)
    }),
  )
  return { sent, seconds: (performance.now() - started) / 1000 }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const codeOf = (answer: Answer) => (answer.ok ? 'ok' : answer.error.code)
function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1
  return counts
}

type Seeded = { goodsId: number; lavishRuleId: number; redemptionsSeeded: number }

/** A database on the cluster, migrated and seeded with the demo street; 面券 stocked for an hour of redemptions. */
async function createDatabase(cluster: PrivateCluster, name: string): Promise<Seeded> {
  const admin = new Client({ connectionString: cluster.directUrl('postgres') })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const database = await openPostgres(cluster.directUrl(name), { poolSize: 2 })
  try {
    await migratePostgres(database)
    await seedDemoIfEmpty(database.db)
    const rows = rawRows(database.db)
    // The story's family members (the living demo binds them with its history, which the burst does without).
    for (const n of VILLAGER_HOUSEHOLDS.slice(2)) {
      await rows(`insert into users (openid, display_name) values ('demo-member-h-zjq-${n}', '家人${n}')`)
      await rows(`insert into household_members (openid, household_id) values ('demo-member-h-zjq-${n}', 'h-zjq-${n}')`)
    }
    await rows(`update goods set stock = 100000 where name = '面券' and shop_id = 'shop-zjq'`)
    const [goods] = (await rows(`select id from goods where name = '面券' and shop_id = 'shop-zjq'`)) as { id: number }[]
    const rules = await cloudFunctions.score.invoke({ db: database.db, openid: 'demo-cadre', event: { action: 'rules', orgId: 'v-zjq' }, platform: localPlatform })
    if (!rules.ok) throw new Error(`rules: ${rules.error.code}`)
    const lavish = (rules.data as RuleSetView).rules.find((rule) => rule.code === 'custom-lavish')!
    const [{ n }] = (await rows(`select count(*)::int as n from ledger_entries where kind = 'redemption'`)) as { n: number }[]
    return { goodsId: goods.id, lavishRuleId: lavish.id, redemptionsSeeded: n }
  } finally {
    await database.close()
  }
}

describeBurst('a city’s busiest hour, compressed: a few hundred instances, 20 connections', () => {
  let cluster: PrivateCluster | undefined
  beforeAll(async () => {
    cluster = await startPrivateCluster({ maxConnections: MAX_CONNECTIONS, poolerServerConnections: POOLER_SERVER_CONNECTIONS })
  })
  afterAll(() => cluster?.stop())

  it('Through PgBouncer no call fails and every write applies once; straight to PostgreSQL with two connections per instance, calls are refused', async () => {
    const c = cluster!
    const pooled = await createDatabase(c, 'burst_pooled')
    const direct = await createDatabase(c, 'burst_direct')
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
    const { max: _max, ...budget } = INSTANCE_BUDGET
    const openInstances = (url: string, poolSize: number, connectAttempts: number) =>
      Promise.all(Array.from({ length: INSTANCES }, () => openPostgres(url, { poolSize, budget: { ...budget, connectAttempts } })))

    // Straight to PostgreSQL as before: two connections per instance, nothing retried.
    const old = await openInstances(c.directUrl('burst_direct'), 2, 1)
    const oldRun = await play(old, planJobs(CALLS, 'burst-direct', direct, seededRandom(24)))
    await Promise.all(old.map((instance) => instance.close()))

    // The baseline: the same mix, one call at a time, one instance through the pooler.
    // Its SQL statements are counted per call (one call at a time, so each statement is its call's).
    let statements = 0
    const quiet = await openPostgres(c.poolerUrl('burst_pooled'), { poolSize: 1, budget, onStatement: () => statements++ })
    const statementsByCall = new Map<string, number[]>()
    const baseline = await play([quiet], planJobs(100, 'burst-quiet', pooled, seededRandom(7)), (call) => {
      statementsByCall.set(call, [...(statementsByCall.get(call) ?? []), statements])
      statements = 0
    })
    await quiet.close()

    // The burst: one connection per instance, through PgBouncer.
    const instances = await openInstances(c.poolerUrl('burst_pooled'), 1, INSTANCE_BUDGET.connectAttempts)
    const burst = await play(instances, planJobs(CALLS, 'burst', pooled, seededRandom(2024)))
    await Promise.all(instances.map((instance) => instance.close()))
    const unexpected = errors.mock.calls.filter((call) => String(call[0]).includes('unexpected failure'))
    const internalCauses = countBy(unexpected, (call) => String((call[1] as Error)?.message ?? call[1]).slice(0, 120))
    errors.mockRestore()
    log.mockRestore()

    const checks = await openPostgres(c.directUrl('burst_pooled'), { poolSize: 2 })
    try {
      const rows = rawRows(checks.db)
      const invariants = await checkLedgerInvariants(rows)
      const drift = await findDrift(rows)
      // Every walk applied once: one score record per household of each request id, however often it was sent.
      const played = [...baseline.sent, ...burst.sent]
      const okWalks = new Map(
        played.filter((s) => s.call === 'score.submit' && s.answer.ok).map((s) => [s.event.requestId as string, (s.event.householdIds as string[]).length]),
      )
      const records = (await rows(
        `select request_id, count(*)::int as n from score_records where request_id like 'burst-%' group by request_id`,
      )) as { request_id: string; n: number }[]
      const recorded = new Map(records.map((r) => [r.request_id, r.n]))
      const walksNotOnce = [...okWalks].filter(([id, households]) => recorded.get(id) !== households)
      // Every redemption applied once: one ledger entry per redeem request that answered ok.
      const okRedeems = new Set(played.filter((s) => s.call === 'card.redeem' && s.answer.ok).map((s) => s.event.requestId as string))
      const [{ n: redemptionEntries }] = (await rows(`select count(*)::int as n from ledger_entries where kind = 'redemption'`)) as { n: number }[]
      const writes = burst.sent.filter((s) => typeof s.event.requestId === 'string')
      const sentTwice = writes.length - new Set(writes.map((s) => s.event.requestId)).size

      const failed = burst.sent.filter((s) => !s.answer.ok && ['BUSY', 'INTERNAL'].includes(s.answer.error.code))
      const refused = oldRun.sent.filter((s) => !s.answer.ok && ['BUSY', 'INTERNAL'].includes(s.answer.error.code))
      const times = burst.sent.map((s) => s.ms)
      const quietP95 = percentile(baseline.sent.map((s) => s.ms), 95)
      const figures = {
        instances: INSTANCES,
        calls: burst.sent.length,
        seconds: Number(burst.seconds.toFixed(1)),
        callsPerSecond: Math.round(burst.sent.length / burst.seconds),
        failed: failed.length,
        answers: countBy(burst.sent, (s) => codeOf(s.answer)),
        byCall: countBy(burst.sent, (s) => s.call),
        p95msByCall: Object.fromEntries(
          Object.keys(countBy(burst.sent, (s) => s.call)).map((call) => [call, Math.round(percentile(burst.sent.filter((s) => s.call === call).map((s) => s.ms), 95))]),
        ),
        quietP50msByCall: Object.fromEntries(
          Object.keys(countBy(baseline.sent, (s) => s.call)).map((call) => [call, Math.round(percentile(baseline.sent.filter((s) => s.call === call).map((s) => s.ms), 50))]),
        ),
        sentAgain: sentTwice,
        statementsPerCall: Object.fromEntries([...statementsByCall].map(([call, counts]) => [call, percentile(counts, 50)])),
        p50ms: Math.round(percentile(times, 50)),
        p95ms: Math.round(percentile(times, 95)),
        p99ms: Math.round(percentile(times, 99)),
        quietP95ms: Math.round(quietP95),
        p95Ratio: Number((percentile(times, 95) / quietP95).toFixed(1)),
        invariantChecks: invariants.checks,
        broken: invariants.broken.length,
        drift: drift.filter((d) => d.drifts.length > 0).length,
        direct: {
          calls: oldRun.sent.length,
          seconds: Number(oldRun.seconds.toFixed(1)),
          refused: refused.length,
          refusedShare: Number((refused.length / oldRun.sent.length).toFixed(3)),
          answers: countBy(oldRun.sent, (s) => codeOf(s.answer)),
        },
        internalCauses,
      }
      console.log(`[reliability] burst: ${JSON.stringify(figures)}`)

      expect(failed.map((s) => `${s.call} ${codeOf(s.answer)}`)).toEqual([])
      expect(invariants.broken).toEqual([])
      expect(drift.filter((d) => d.drifts.length > 0)).toEqual([])
      expect(walksNotOnce).toEqual([])
      expect(redemptionEntries - pooled.redemptionsSeeded).toBe(okRedeems.size)
      expect(okWalks.size).toBeGreaterThan(CALLS / 10)
      expect(okRedeems.size).toBeGreaterThan(CALLS / 100)
      expect(sentTwice).toBeGreaterThan(0)
      // What the pooler is for: the same burst straight to PostgreSQL is refused connections.
      expect(refused.length).toBeGreaterThan(0)
    } finally {
      await checks.close()
    }
  })
})
