import { eq } from 'drizzle-orm'
import type { MatterDetail } from '../../src/core/contracts/matter'
import type { NoticeView } from '../../src/core/contracts/notice'
import type { SubmitResult } from '../../src/core/contracts/score'
import { localDay, shanghaiInstant } from '../../src/core/period'
import { localPlatform } from '../platform/local/platform'
import { skipSubscribeMessage } from '../platform/subscribe-message'
import type { Database } from '../store/database'
import { ledgerEntries, matters, notices, photoDeletions } from '../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../test-support/test-database'
import { accountFunction } from './account'
import type { CloudFunction } from './define-function'
import { matterFunction } from './matter'
import { noticeFunction } from './notice'
import { scoreFunction } from './score'
import { runTimer } from './timer'

const DAY = 24 * 3600 * 1000
const photo = (n: number) => `local://${String(n).padStart(8, '0')}-0000-4000-8000-000000000000.jpg`
const EXPIRED_EVIDENCE = photo(1)
const EXPIRED_PROOF = photo(2)
const OPEN_EVIDENCE = photo(3)
const EXPIRED_MATTER = photo(4)
const OPEN_MATTER = photo(5)
const RECENT_MATTER = photo(6)

/** The timer's retention tick (03:00 Shanghai) on the coming night. */
const tick = new Date(shanghaiInstant(localDay(new Date()), 3).getTime() + DAY + 60_000)

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

let seq = 0
async function call<T>(fn: CloudFunction, openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = await fn.invoke({ db: database.db, openid, event: { requestId: `req-retention-${++seq}`, ...event }, platform: localPlatform })
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.data as T
}

/** Storage as the timer's platform sees it: what was deleted, in order. */
const deletedFromStorage: string[] = []
const platform = { startMediaCheck: null, deletePhotos: async (ids: readonly string[]) => (deletedFromStorage.push(...ids), [...ids]), sendSubscribeMessage: skipSubscribeMessage }

describe("retention: closed cases' photos deleted after the village's kept days, by the daily timer", () => {
  let expiredNotice: number
  let openNotice: number

  beforeAll(async () => {
    const ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
    const deduct = async (householdId: string, evidence: string) => {
      const walk = await call<SubmitResult>(scoreFunction, 'demo-grid-leader', { action: 'submit', householdIds: [householdId], ruleId: ruleIds['env-clutter'], photos: [evidence], note: '门口堆放杂物' })
      const [row] = await database.db.select({ id: notices.id }).from(notices).where(eq(notices.deductionEntryId, walk.results[0].entryId!))
      return row.id
    }
    // 张建国's household rectified; 李秀英's household has not yet.
    expiredNotice = await deduct('h-zjq-01', EXPIRED_EVIDENCE)
    await call(noticeFunction, 'demo-villager', { action: 'submitProof', noticeId: expiredNotice, photos: [EXPIRED_PROOF], note: '杂物已经清走' })
    await call(noticeFunction, 'demo-grid-leader', { action: 'verify', noticeId: expiredNotice, accept: true })
    openNotice = await deduct('h-zjq-02', OPEN_EVIDENCE)

    const raise = (photos: string[]) => call<MatterDetail>(matterFunction, 'demo-villager', { action: 'raise', text: '路边的排水沟堵了', place: '村口', photos })
    const old = await raise([EXPIRED_MATTER])
    await call(matterFunction, 'demo-grid-leader', { action: 'decline', matterId: old.id, reason: '已由水利站统一处理' })
    await raise([OPEN_MATTER])
    const recent = await raise([RECENT_MATTER])
    await call(matterFunction, 'demo-grid-leader', { action: 'decline', matterId: recent.id, reason: '已由水利站统一处理' })

    // The village keeps photos 30 days; the rectified notice and the first matter closed 40 days before the tick.
    await call(accountFunction, 'demo-cadre', { action: 'saveVillageSettings', orgId: 'v-zjq', gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3, photoKeptDays: 30 })
    const fortyDaysBefore = new Date(tick.getTime() - 40 * DAY)
    await database.db.update(notices).set({ rectifiedAt: fortyDaysBefore }).where(eq(notices.id, expiredNotice))
    await database.db.update(matters).set({ closedAt: fortyDaysBefore }).where(eq(matters.id, old.id))
  })

  it('When the daily tick comes, then the expired photos of closed cases are deleted from storage; open cases and recently closed ones keep theirs; the ledger is untouched', async () => {
    const ledgerBefore = await database.db.select().from(ledgerEntries).orderBy(ledgerEntries.id)
    // Any other tick of the day only retries photo checks.
    expect(await runTimer(database.db, platform, new Date(tick.getTime() + 3600_000))).toMatchObject({ photoChecksRetried: 0, photosDeleted: null })
    expect(deletedFromStorage).toEqual([])

    expect(await runTimer(database.db, platform, tick)).toMatchObject({ photoChecksRetried: 0, photosDeleted: 3 })
    expect([...deletedFromStorage].sort()).toEqual([EXPIRED_EVIDENCE, EXPIRED_PROOF, EXPIRED_MATTER].sort())
    expect(await database.db.select({ fileId: photoDeletions.fileId, closedCase: photoDeletions.closedCase }).from(photoDeletions).orderBy(photoDeletions.fileId)).toEqual(
      [
        { fileId: EXPIRED_EVIDENCE, closedCase: `notice:${expiredNotice}` },
        { fileId: EXPIRED_PROOF, closedCase: `notice:${expiredNotice}` },
        { fileId: EXPIRED_MATTER, closedCase: expect.stringMatching(/^matter:\d+$/) },
      ].sort((a, b) => a.fileId.localeCompare(b.fileId)),
    )
    expect(await database.db.select().from(ledgerEntries).orderBy(ledgerEntries.id)).toEqual(ledgerBefore)

    // The next day's tick deletes nothing twice.
    expect(await runTimer(database.db, platform, new Date(tick.getTime() + DAY))).toMatchObject({ photoChecksRetried: 0, photosDeleted: 0 })
    expect(deletedFromStorage).toHaveLength(3)
  })

  it('When a deleted photo would be shown, then pages leave it out; open cases still show theirs', async () => {
    const expired = await call<NoticeView>(noticeFunction, 'demo-villager', { action: 'detail', noticeId: expiredNotice })
    expect(expired).toMatchObject({ photos: [], status: 'rectified', proof: { photos: [] } })
    expect((await call<NoticeView>(noticeFunction, 'demo-villager-2', { action: 'detail', noticeId: openNotice })).photos).toEqual([OPEN_EVIDENCE])
  })

  it('When photoKeptDays is out of range, then the save is refused in plain words and nothing changes', async () => {
    const answer = await accountFunction.invoke({
      db: database.db,
      openid: 'demo-cadre',
      event: { action: 'saveVillageSettings', requestId: `req-retention-${++seq}`, orgId: 'v-zjq', gridLeaderScoresNeedApproval: false, rectifiedVisibleDays: 3, photoKeptDays: 5 },
      platform: localPlatform,
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '照片至少保存 30 天' } })
    expect(await call(accountFunction, 'demo-cadre', { action: 'villageSettings', orgId: 'v-zjq' })).toMatchObject({ photoKeptDays: 30 })
  })
})
