import { and, eq, isNull } from 'drizzle-orm'
import type { MyCertificateView } from '../../src/core/contracts/credit'
import { localPlatform } from '../platform/local/platform'
import type { Database } from '../store/database'
import { creditCertificates } from '../store/schema'
import { openDemoTestDatabase } from '../test-support/test-database'
import { creditFunction } from './credit'

const withPostgres = process.env.DATABASE_URL ? describe : describe.skip

withPostgres('one household asking for certificates from several phones at once (PostgreSQL)', () => {
  let database: Database
  beforeAll(async () => {
    database = await openDemoTestDatabase()
  })
  afterAll(() => database.close())

  const invoke = (openid: string, event: Record<string, unknown>) => creditFunction.invoke({ db: database.db, openid, event, platform: localPlatform })

  it('When eight requests for one household race (a retry among them), then exactly one certificate is in force and every other one is superseded by a newer one', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => invoke('demo-villager', { action: 'issue', requestId: `race-cert-${i % 7}`, bankId: 'bk-pinghu' })),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    const rows = await database.db.select().from(creditCertificates).where(eq(creditCertificates.householdId, 'h-zjq-01'))
    expect(rows).toHaveLength(7)
    const inForce = await database.db
      .select()
      .from(creditCertificates)
      .where(and(eq(creditCertificates.householdId, 'h-zjq-01'), isNull(creditCertificates.supersededAt), isNull(creditCertificates.revokedAt)))
    expect(inForce).toHaveLength(1)
    // The one in force is the newest, and each superseded one names the certificate that replaced it.
    const newest = rows.reduce((a, b) => (a.issuedAt > b.issuedAt ? a : b))
    expect(inForce[0].id).toBe(newest.id)
    for (const row of rows.filter((r) => r.id !== newest.id)) expect(rows.map((r) => r.id)).toContain(row.supersededBy)
    const mine = await invoke('demo-villager', { action: 'mine' })
    expect(mine.ok && (mine.data as { certificate: MyCertificateView }).certificate).toMatchObject({ id: newest.id, status: 'valid' })
  })
})
