import { eq, sql } from 'drizzle-orm'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { households, ledgerEntries, notices, rules } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { noticeFunction } from './notice'
import { scoreFunction } from './score'

const withPostgres = process.env.DATABASE_URL ? describe : describe.skip
const PHOTO = 'local://0b7f3c1e-9a55-4c55-9d0e-3a1f6a7b8c9d.jpg'

withPostgres('verifying one notice from several phones at once (PostgreSQL)', () => {
  let database: Database
  beforeAll(async () => {
    database = await openDemoTestDatabase()
  })
  afterAll(() => database.close())

  const invoke = (fn: typeof noticeFunction, openid: string, event: Record<string, unknown>) =>
    fn.invoke({ db: database.db, openid, event, platform: localPlatform })

  it('When two scorers and a retry verify the same proof together, then the points come back exactly once', async () => {
    const [rule] = await database.db.select().from(rules).where(sql`${rules.ruleSetId} = 'rs-zjq' and ${rules.code} = 'env-clutter'`)
    const walk = await invoke(scoreFunction, 'demo-grid-leader', {
      action: 'submit',
      requestId: 'race-notice-walk',
      householdIds: ['h-zjq-01'],
      ruleId: rule.id,
      photos: [PHOTO],
    })
    if (!walk.ok) throw new Error(walk.error.message)
    const [notice] = await database.db.select().from(notices).where(eq(notices.householdId, 'h-zjq-01'))
    await invoke(noticeFunction, 'demo-villager', { action: 'submitProof', requestId: 'race-proof', noticeId: notice.id, photos: [PHOTO] })
    const [{ balance: before }] = await database.db.select().from(households).where(eq(households.id, 'h-zjq-01'))
    const answers = await Promise.all(
      ['demo-grid-leader', 'demo-cadre', 'demo-grid-leader', 'demo-cadre', 'demo-grid-leader', 'demo-cadre'].map((openid, i) =>
        invoke(noticeFunction, openid, { action: 'verify', requestId: `race-verify-${i % 4}`, noticeId: notice.id, accept: true }),
      ),
    )
    expect(answers.some((a) => a.ok)).toBe(true)
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'NOTICE_STATE')).toBe(true)
    const restorations = await database.db.select().from(ledgerEntries).where(eq(ledgerEntries.reversesEntryId, notice.deductionEntryId))
    expect(restorations).toHaveLength(1)
    const [{ balance: after }] = await database.db.select().from(households).where(eq(households.id, 'h-zjq-01'))
    expect(after).toBe(before + 5)
  })
})
