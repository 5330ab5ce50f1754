import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { villageSettingChanges } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { accountFunction } from './account'

// Row locks only contend on a real server: PGlite runs one transaction at a time.
const withPostgres = process.env.DATABASE_URL ? describe : describe.skip

withPostgres('村里的设置 saved at the same moment, on PostgreSQL', () => {
  let database: Database
  beforeAll(async () => {
    database = await openDemoTestDatabase()
  })
  afterAll(() => database.close())

  it('When 8 saves of different day counts race, then the change record is one unbroken chain: each change starts where the one before it ended', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        accountFunction.invoke({
          db: database.db,
          openid: i % 2 ? 'demo-cadre' : 'demo-admin',
          platform: localPlatform,
          event: { action: 'saveVillageSettings', requestId: `req-settings-race-${i}`, orgId: 'v-zjq', gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 10 + i },
        }),
      ),
    )
    expect(answers.every((answer) => answer.ok)).toBe(true)
    const chain = await database.db.select().from(villageSettingChanges).orderBy(villageSettingChanges.id)
    expect(chain).toHaveLength(8)
    expect(chain[0].before).toEqual({ gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3, photoKeptDays: 180 })
    for (let i = 1; i < chain.length; i++) expect(chain[i].before).toEqual(chain[i - 1].after)
  })
})
