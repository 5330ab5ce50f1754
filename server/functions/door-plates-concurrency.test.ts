import { and, eq, isNull } from 'drizzle-orm'
import type { DoorPlateView, PlateSheet } from '../../src/core/contracts/account'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { doorPlates } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { accountFunction } from './account'

const withPostgres = process.env.DATABASE_URL ? describe : describe.skip

withPostgres('door plates printed and re-issued from several phones at once (PostgreSQL)', () => {
  let database: Database
  beforeAll(async () => {
    database = await openDemoTestDatabase()
  })
  afterAll(() => database.close())

  const invoke = (event: Record<string, unknown>) => accountFunction.invoke({ db: database.db, openid: 'demo-cadre', event, platform: localPlatform })
  const inUse = (householdId: string) =>
    database.db.select().from(doorPlates).where(and(eq(doorPlates.householdId, householdId), isNull(doorPlates.revokedAt)))

  it('When six printings of one group race, then each household has one plate in use and every sheet shows the same plates', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => invoke({ action: 'printPlates', requestId: `race-plates-${i}`, orgId: 'g-zjq-3' })))
    expect(answers.map((a) => a.ok)).toEqual(Array(6).fill(true))
    const sheets = answers.map((a) => (a as { data: PlateSheet }).data.plates.map((p) => p.code))
    for (const sheet of sheets) expect(sheet).toEqual(sheets[0])
    expect((await database.db.select().from(doorPlates)).length).toBe(8)
  })

  it('When six re-issues of one household’s plate race, then exactly one plate is in use, one of those the answers name', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => invoke({ action: 'reissuePlate', requestId: `race-replate-${i}`, householdId: 'h-zjq-17' })))
    expect(answers.map((a) => a.ok)).toEqual(Array(6).fill(true))
    const [live] = await inUse('h-zjq-17')
    expect((await inUse('h-zjq-17')).length).toBe(1)
    const named = new Set(answers.map((a) => (a as { data: DoorPlateView }).data.code.replace('-', '')))
    expect(named.has(live.code)).toBe(true)
  })
})
