import { DrizzleQueryError } from 'drizzle-orm/errors'
import {
  backoffMillis,
  budgetFromEnvironment,
  connectWithRetry,
  ConnectionUnavailableError,
  INSTANCE_BUDGET,
  isConnectionUnavailable,
} from './connection-budget'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('which failures mean "no connection now"', () => {
  it.each([
    ['refused by the OS', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:6432')],
    ['reset', withCode('ECONNRESET', 'read ECONNRESET')],
    ['too many connections', withCode('53300', 'sorry, too many clients already')],
    ['server starting', withCode('57P03', 'the database system is starting up')],
    ['server shutting down (admin)', withCode('57P01', 'terminating connection due to administrator command')],
    ['PgBouncer full', withCode('08P01', 'no more connections allowed (max_client_conn)')],
    ['PgBouncer cannot reach the server', new Error('pgbouncer cannot connect to server')],
    ['the pool timed out waiting', new Error('timeout exceeded when trying to connect')],
    ['connect timed out', new Error('Connection terminated due to connection timeout')],
    ['dropped', new Error('Connection terminated unexpectedly')],
    ['no answer in time (the driver\'s query_timeout)', new Error('Query read timeout')],
    ['wrapped by drizzle', new DrizzleQueryError('select 1', [], withCode('53300', 'sorry, too many clients already'))],
    ['after every retry', new ConnectionUnavailableError(4, new Error('x'))],
  ])('%s', (_name, error) => {
    expect(isConnectionUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601', 'syntax error at or near "selec"')],
    ['a wrong password', withCode('28P01', 'password authentication failed for user "app"')],
    ['a missing database', withCode('3D000', 'database "nope" does not exist')],
    ['a serialization failure', withCode('40001', 'could not serialize access')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('not %s', (_name, error) => {
    expect(isConnectionUnavailable(error)).toBe(false)
  })
})

describe('connectWithRetry', () => {
  const budget = { connectAttempts: 4, backoffBaseMillis: 100, backoffCapMillis: 1000 }

  it('tries again after a refused connect and hands out the connection it then gets', async () => {
    let tries = 0
    const waits: number[] = []
    const client = await connectWithRetry(
      async () => {
        tries++
        if (tries < 3) throw withCode('ECONNREFUSED')
        return 'client'
      },
      budget,
      async (ms) => void waits.push(ms),
    )
    expect(client).toBe('client')
    expect(tries).toBe(3)
    expect(waits).toHaveLength(2)
    expect(waits[0]).toBeLessThan(100)
    expect(waits[1]).toBeLessThan(200)
  })

  it('gives up after the budgeted tries with ConnectionUnavailableError', async () => {
    let tries = 0
    const attempt = connectWithRetry(
      async () => {
        tries++
        throw withCode('53300', 'sorry, too many clients already')
      },
      budget,
      async () => undefined,
    )
    await expect(attempt).rejects.toBeInstanceOf(ConnectionUnavailableError)
    expect(tries).toBe(4)
  })

  it('never retries what another try cannot fix', async () => {
    let tries = 0
    const attempt = connectWithRetry(
      async () => {
        tries++
        throw withCode('28P01', 'password authentication failed')
      },
      budget,
      async () => undefined,
    )
    await expect(attempt).rejects.toMatchObject({ code: '28P01' })
    expect(tries).toBe(1)
  })

  it('waits with full jitter, growing and capped', () => {
    expect(backoffMillis(budget, 1, () => 0.999)).toBe(99)
    expect(backoffMillis(budget, 3, () => 0.999)).toBe(399)
    expect(backoffMillis(budget, 10, () => 0.999)).toBe(999)
    expect(backoffMillis(budget, 10, () => 0)).toBe(0)
  })
})

describe('the budget of a cloud function instance', () => {
  it('is one connection by default, closed when idle, with connect and statement timeouts', () => {
    expect(budgetFromEnvironment({})).toEqual(INSTANCE_BUDGET)
    expect(INSTANCE_BUDGET.max).toBe(1)
    expect(INSTANCE_BUDGET.idleTimeoutMillis).toBeLessThanOrEqual(10_000)
  })

  it('is configured by the environment, and refuses nonsense loudly', () => {
    expect(budgetFromEnvironment({ DB_POOL_MAX: '3', DB_STATEMENT_TIMEOUT_MS: '5000' })).toMatchObject({ max: 3, queryTimeoutMillis: 5000 })
    expect(() => budgetFromEnvironment({ DB_POOL_MAX: '0' })).toThrow('DB_POOL_MAX must be a positive integer')
    expect(() => budgetFromEnvironment({ DB_IDLE_TIMEOUT_MS: 'soon' })).toThrow('DB_IDLE_TIMEOUT_MS')
  })
})
