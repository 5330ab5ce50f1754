import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { requestIdSchema } from '../../src/core/contracts/request-id'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { idempotencyKeys } from '../store/schema'
import { openPostgres } from '../store/open-postgres'
import { openTestDatabase } from '../test-support/test-database'
import { action, defineFunction } from './define-function'
import { cloudFunctions } from './index'

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.close())

const pinFunction = defineFunction('test', {
  setPin: action({
    input: z.object({ requestId: requestIdSchema, card: z.string(), pin: z.string() }),
    mutates: true,
    secretFields: ['pin'],
    run: async (_ctx, input) => ({ card: input.card }),
  }),
})
const call = (event: Record<string, unknown>) => pinFunction.invoke({ db: database.db, openid: 'someone', event, platform: localPlatform })

describe('secret fields of a state change', () => {
  it('When two requests differ only in their PIN, then the stored fingerprints are the same, so the table gives no PIN away', async () => {
    await call({ action: 'setPin', requestId: 'req-pin-one-1', card: '8001', pin: '482913' })
    await call({ action: 'setPin', requestId: 'req-pin-two-2', card: '8001', pin: '730155' })
    const [one] = await database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.requestId, 'req-pin-one-1'))
    const [two] = await database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.requestId, 'req-pin-two-2'))
    expect(one.paramsHash).toBe(two.paramsHash)
    expect(JSON.stringify([one, two])).not.toMatch(/482913|730155/)
  })

  it('When a mutating action declares no requestId, then defining it fails at once', () => {
    expect(() =>
      defineFunction('broken', { save: action({ input: z.object({ name: z.string() }), mutates: true, run: async () => null }) }),
    ).toThrow(/requestId/)
  })
})

describe('input PostgreSQL cannot store', () => {
  it('When any text holds a NUL character, then INVALID_INPUT before anything runs', async () => {
    expect(await call({ action: 'setPin', requestId: 'req-nul-00001', card: '80\u000001', pin: '1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})

describe('no database connection', () => {
  it('When the database refuses every connect, then a read and a write answer BUSY in plain words after the budgeted tries, never a stack trace', async () => {
    // A port nothing listens on: every connect is refused at once.
    const nowhere = await openPostgres('postgres://postgres@127.0.0.1:9/postgres', {
      poolSize: 1,
      budget: { connectAttempts: 3, backoffBaseMillis: 5, backoffCapMillis: 20, connectionTimeoutMillis: 500 },
    })
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const busy = { ok: false, error: { code: 'BUSY', message: '系统繁忙，请稍后再试' } }
      const read = await cloudFunctions.account.invoke({ db: nowhere.db, openid: 'someone', event: { action: 'whoami' }, platform: localPlatform })
      expect(read).toEqual(busy)
      const write = await pinFunction.invoke({
        db: nowhere.db,
        openid: 'someone',
        event: { action: 'setPin', requestId: 'req-busy-0001', card: '8001', pin: '111111' },
        platform: localPlatform,
      })
      expect(write).toEqual(busy)
      expect(logged.mock.calls.map((call) => String(call[1]))).toEqual([expect.stringContaining('after 3 tries'), expect.stringContaining('after 3 tries')])
    } finally {
      logged.mockRestore()
      await nowhere.close()
    }
  })
})
