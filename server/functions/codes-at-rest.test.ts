import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import type { BindResult, IssuedInvite } from '../../src/core/contracts/account'
import type { Envelope } from '../../src/core/contracts/envelope'
import type { IssuedStaffInvite, StaffBindResult } from '../../src/core/contracts/org'
import type { ShownOnce } from '../../src/core/contracts/shown-once'
import { formatInviteCode } from '../../src/core/roster/invite-code'
import stringify from 'safe-stable-stringify'
import { localPlatform } from '../platform/local/platform'
import { codeHash } from '../services/shared/code-hash'
import { setUpStreet } from '../services/org/street-setup'
import type { Database } from '../store/database'
import { orgs, staffInvites } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { accountFunction } from './account'
import { orgFunction } from './org'
import type { CloudFunction } from './define-function'

/**
 * Issue 22: invite and staff codes are never at rest in plain text. Codes are issued through the
 * handlers (one request repeated), then every table is dumped and searched for every code.
 */
let database: Database
let seq = 0
const rid = () => `req-codes-${++seq}`

beforeAll(async () => {
  database = await openDemoTestDatabase()
}, 60_000)
afterAll(() => database.close())

async function ok<T>(fn: CloudFunction, openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = (await fn.invoke({ db: database.db, openid, event, platform: localPlatform })) as Envelope<T>
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data
}

async function fails(fn: CloudFunction, openid: string, event: Record<string, unknown>): Promise<string> {
  const answer = (await fn.invoke({ db: database.db, openid, event, platform: localPlatform })) as Envelope<unknown>
  if (answer.ok) throw new Error(`${String(event.action)} was expected to be refused`)
  return answer.error.code
}

async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows
}

/** Every row of every table in the public schema, as JSON text. */
async function dumpEverything(): Promise<string> {
  const tables = await rowsOf<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public'`)
  expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['invite_codes', 'staff_invites', 'idempotency_keys', 'audit_records']))
  const lines: string[] = []
  for (const { table_name } of tables) {
    const rows = await rowsOf<{ row: string }>(sql`select row_to_json(t)::text as row from ${sql.identifier(table_name)} t`)
    lines.push(...rows.map((r) => `${table_name}: ${r.row}`))
  }
  return lines.join('\n')
}

describe('codes at rest', () => {
  const issued: string[] = []

  it('When codes are issued and a request is repeated, then the repeat answers the tail only and no table holds any code', async () => {
    const householdRequest = { action: 'issueInvite', requestId: rid(), householdId: 'h-zjq-05' }
    const first = await ok<ShownOnce<IssuedInvite>>(accountFunction, 'demo-cadre', householdRequest)
    if (!('code' in first)) throw new Error('the first answer must carry the code')
    issued.push(first.code)
    const repeat = await ok<ShownOnce<IssuedInvite>>(accountFunction, 'demo-cadre', householdRequest)
    expect(repeat).not.toHaveProperty('code')
    const { code: _code, ...firstWithoutCode } = first
    expect(repeat).toEqual({ ...firstWithoutCode, codeTail: first.code.slice(-2), codeShownOnce: true })
    expect(repeat.tail).toBe(first.code.slice(-2))

    const second = await ok<IssuedInvite>(accountFunction, 'demo-cadre', { action: 'issueInvite', requestId: rid(), householdId: 'h-zjq-06' })
    issued.push(second.code)

    const [village] = await database.db.select().from(orgs).where(eq(orgs.kind, 'village')).limit(1)
    const staffRequest = { action: 'issueStaffInvite', requestId: rid(), role: 'accountant', orgId: village.id }
    const staff = await ok<ShownOnce<IssuedStaffInvite>>(orgFunction, 'demo-admin', staffRequest)
    if (!('code' in staff)) throw new Error('the first answer must carry the code')
    issued.push(staff.code)
    const staffRepeat = await ok<ShownOnce<IssuedStaffInvite>>(orgFunction, 'demo-admin', staffRequest)
    expect(staffRepeat).toMatchObject({ codeTail: staff.code.slice(-2), codeShownOnce: true, tail: staff.code.slice(-2), id: staff.id })
    expect(staffRepeat).not.toHaveProperty('code')

    const [street] = await database.db.select().from(orgs).where(eq(orgs.kind, 'street')).limit(1)
    const setup = await setUpStreet(database.db, { name: street.name, newAdminCode: true })
    issued.push(setup.adminInvite!.code)

    // Codes that were used work as before: one household code and the admin code are bound.
    expect(await ok<BindResult>(accountFunction, 'wx-codes-villager', { action: 'bind', requestId: rid(), code: formatInviteCode(second.code), displayName: '新村民' })).toMatchObject({ bound: true })
    expect(await ok<StaffBindResult>(orgFunction, 'wx-codes-admin', { action: 'bindStaff', requestId: rid(), code: setup.adminInvite!.code, displayName: '新管理员' })).toMatchObject({ bound: true })

    // A code also typed by someone it refuses (already bound) stays live: nothing stored may give it away.
    const typedLive = { code: first.code, displayName: '张建国' }
    expect(await fails(accountFunction, 'demo-villager', { action: 'bind', requestId: rid(), ...typedLive })).toBe('ALREADY_BOUND')

    const dump = (await dumpEverything()).toUpperCase()
    const squeezed = dump.replace(/[^0-9A-Z]/g, '')
    for (const code of issued) {
      expect(dump).not.toContain(code)
      expect(dump).not.toContain(formatInviteCode(code))
      expect(squeezed).not.toContain(code)
    }
    // Nor a plain sha256 of the parameters a code was typed with, which a dump could be searched for.
    const searchable = [typedLive, { code: second.code, displayName: '新村民' }, { code: formatInviteCode(second.code), displayName: '新村民' }, { code: setup.adminInvite!.code, displayName: '新管理员' }]
      .map((params) => createHash('sha256').update(stringify(params)!).digest('hex').toUpperCase())
    for (const hash of searchable) expect(dump).not.toContain(hash)
  })

  it('When the stored fingerprints of requests are looked at, then none is the plain sha256 of its parameters', async () => {
    const requestId = rid()
    await ok(accountFunction, 'demo-cadre', { action: 'issueInvite', requestId, householdId: 'h-zjq-07' })
    const [row] = await rowsOf<{ params_hash: string }>(sql`select params_hash from idempotency_keys where request_id = ${requestId}`)
    expect(row.params_hash).not.toBe(createHash('sha256').update(stringify({ householdId: 'h-zjq-07' })!).digest('hex'))
    expect(row.params_hash).toBe(codeHash(stringify({ householdId: 'h-zjq-07' })!))
  })

  it('When a stored code hash is looked at without the key, then it is not the sha256 of the code and another key gives another hash', async () => {
    const code = issued[2]
    const [row] = await database.db.select().from(staffInvites).where(eq(staffInvites.codeHash, codeHash(code)))
    expect(row).toBeDefined()
    expect(row.codeHash).not.toBe(createHash('sha256').update(code).digest('hex'))
    expect(codeHash(code, randomBytes(32))).not.toBe(row.codeHash)
  })

  it('When an answer kept before this change holds a code, then the migration leaves its tail and the shown-once flag, and the rest of the answer', async () => {
    const legacy = { ok: true, data: { id: 77, code: 'K7M3Q9XA', expiresAt: '2026-12-13T00:00:00.000Z' } }
    await database.db.execute(sql`
      insert into idempotency_keys (openid, request_id, operation, params_hash, response)
      values ('demo-cadre', 'legacy-invite', 'account.issueInvite', 'h', ${JSON.stringify(legacy)}::jsonb)`)
    await database.db.execute(sql.raw(readFileSync(path.join(__dirname, '../store/migrations/0020_replays_without_codes.sql'), 'utf8')))
    const [row] = await rowsOf<{ response: unknown }>(sql`select response from idempotency_keys where request_id = 'legacy-invite'`)
    expect(row.response).toEqual({ ok: true, data: { id: 77, codeTail: 'XA', codeShownOnce: true, expiresAt: '2026-12-13T00:00:00.000Z' } })
  })
})
