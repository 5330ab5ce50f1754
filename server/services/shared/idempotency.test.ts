import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import stringify from 'safe-stable-stringify'
import { AppError } from '../../../src/core/errors'
import type { Database, Db } from '../../store/database'
import { appendLedgerEntry } from '../../store/ledger'
import { households, idempotencyKeys, ledgerEntries } from '../../store/schema'
import { openDemoTestDatabase } from '../../test-support/test-database'
import { purgeReplays, REPLAY_KEPT_DAYS, runOnce } from './idempotency'

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

const HOUSEHOLD = 'h-zjq-05'

async function entryCount(): Promise<number> {
  return (await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.householdId, HOUSEHOLD))).length
}

function addPoints(points: number) {
  return async (tx: Db) => {
    const entry = await appendLedgerEntry(tx, { householdId: HOUSEHOLD, points, kind: 'opening' })
    return { balance: entry.balanceAfter }
  }
}

describe('at most one effect per requestId', () => {
  it('When the same request is sent twice, then it takes effect once and both answers are the first', async () => {
    const before = await entryCount()
    const key = { openid: 'demo-cadre', requestId: 'req-twice-0001', operation: 'test.add', params: { points: 3 } }
    const first = await runOnce(database.db, key, addPoints(3))
    const second = await runOnce(database.db, key, addPoints(3))
    expect(second).toEqual(first)
    expect(await entryCount()).toBe(before + 1)
  })

  it('When the same requestId comes with other parameters, then IDEMPOTENCY_MISMATCH and nothing is written', async () => {
    const key = { openid: 'demo-cadre', requestId: 'req-mismatch-01', operation: 'test.add', params: { points: 3 } }
    await runOnce(database.db, key, addPoints(3))
    const before = await entryCount()
    await expect(runOnce(database.db, { ...key, params: { points: 4 } }, addPoints(4))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_MISMATCH',
    })
    expect(await entryCount()).toBe(before)
  })

  it('When two callers use the same requestId, then each gets their own effect', async () => {
    const before = await entryCount()
    const params = { points: 1 }
    await runOnce(database.db, { openid: 'demo-cadre', requestId: 'req-shared-id-1', operation: 'test.add', params }, addPoints(1))
    await runOnce(database.db, { openid: 'demo-admin', requestId: 'req-shared-id-1', operation: 'test.add', params }, addPoints(1))
    expect(await entryCount()).toBe(before + 2)
  })

  it('When the first attempt is refused, then the repeat gets the same refusal and writes nothing, even if it would now pass', async () => {
    const key = { openid: 'demo-cadre', requestId: 'req-refused-001', operation: 'test.add', params: { points: 2 } }
    const before = await entryCount()
    const refuse = async (tx: Db) => {
      await addPoints(2)(tx)
      throw new AppError('FORBIDDEN')
    }
    await expect(runOnce(database.db, key, refuse)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(runOnce(database.db, key, addPoints(2))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await entryCount()).toBe(before)
  })

  it('When the work fails unexpectedly, then nothing is kept and a retry can still succeed', async () => {
    const key = { openid: 'demo-cadre', requestId: 'req-crashed-01', operation: 'test.add', params: { points: 5 } }
    const before = await entryCount()
    const crash = async (tx: Db) => {
      await addPoints(5)(tx)
      throw new Error('disk on fire')
    }
    await expect(runOnce(database.db, key, crash)).rejects.toThrow('disk on fire')
    expect(await entryCount()).toBe(before)
    await runOnce(database.db, key, addPoints(5))
    expect(await entryCount()).toBe(before + 1)
  })

  it('When 20 copies of one request race, then exactly one takes effect and the balance moves once', async () => {
    const [{ balance: start }] = await database.db.select().from(households).where(eq(households.id, HOUSEHOLD))
    const before = await entryCount()
    const key = { openid: 'demo-cadre', requestId: 'req-race-00001', operation: 'test.add', params: { points: 7 } }
    const answers = await Promise.all(Array.from({ length: 20 }, () => runOnce(database.db, key, addPoints(7))))
    expect(new Set(answers.map((a) => a.balance))).toEqual(new Set([start + 7]))
    expect(await entryCount()).toBe(before + 1)
  })
})

describe('requests fingerprinted before the keyed hash', () => {
  it('When a request kept with a plain sha256 fingerprint is repeated, then it gets its first answer and nothing is written', async () => {
    const key = { openid: 'demo-cadre', requestId: 'req-legacy-hash', operation: 'test.add', params: { points: 5 } }
    await database.db.insert(idempotencyKeys).values({
      openid: key.openid,
      requestId: key.requestId,
      operation: key.operation,
      paramsHash: createHash('sha256').update(stringify(key.params)!).digest('hex'),
      response: { ok: true, data: { balance: 42 } },
    })
    const before = await entryCount()
    expect(await runOnce(database.db, key, addPoints(5))).toEqual({ balance: 42 })
    expect(await entryCount()).toBe(before)
    await expect(runOnce(database.db, { ...key, params: { points: 6 } }, addPoints(6))).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' })
  })
})

describe('ledger entries are immutable', () => {
  it('When anything tries to edit or delete an entry, then the database refuses', async () => {
    const [entry] = await database.db.select().from(ledgerEntries).limit(1)
    await expect(database.db.update(ledgerEntries).set({ points: 999 }).where(eq(ledgerEntries.id, entry.id))).rejects.toThrow()
    await expect(database.db.delete(ledgerEntries).where(eq(ledgerEntries.id, entry.id))).rejects.toThrow()
  })
})

describe('old answers are purged', () => {
  it('When replays are purged, then rows older than 30 days go and newer ones stay and still answer repeats', async () => {
    const old = { openid: 'demo-cadre', requestId: 'req-purge-old', operation: 'test.add', params: { points: 1 } }
    const recent = { openid: 'demo-cadre', requestId: 'req-purge-new', operation: 'test.add', params: { points: 1 } }
    await runOnce(database.db, old, addPoints(1))
    const kept = await runOnce(database.db, recent, addPoints(1))
    await database.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - make_interval(days => ${REPLAY_KEPT_DAYS + 1})` })
      .where(eq(idempotencyKeys.requestId, old.requestId))
    expect(await purgeReplays(database.db)).toBeGreaterThanOrEqual(1)
    const left = (await database.db.select().from(idempotencyKeys)).map((r) => r.requestId)
    expect(left).not.toContain(old.requestId)
    expect(left).toContain(recent.requestId)
    const before = await entryCount()
    expect(await runOnce(database.db, recent, addPoints(1))).toEqual(kept)
    expect(await entryCount()).toBe(before)
  })
})
