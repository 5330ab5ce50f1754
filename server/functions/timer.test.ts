import { eq } from 'drizzle-orm'
import type { StartMediaCheck } from '../platform/media-check'
import { skipSubscribeMessage } from '../platform/subscribe-message'
import type { Database } from '../store/database'
import { photoChecks } from '../store/schema'
import { openTestDatabase } from '../test-support/test-database'
import { runTimer, timerNow } from './timer'

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.close())

const asked: string[] = []
const startMediaCheck: StartMediaCheck = async ({ fileId }) => {
  asked.push(fileId)
  return { traceId: `trace-${asked.length}` }
}

describe('the timer (WeChat timer trigger)', () => {
  it("When the timer ticks, then photos whose check never answered in 30 minutes are asked again, and a tick at the same moment asks nothing more", async () => {
    const t0 = new Date('2026-12-06T02:00:00Z')
    await database.db.insert(photoChecks).values([
      { fileId: 'cloud://x/lost.jpg', uploaderOpenid: 'o-a', traceId: 'trace-lost', requestedAt: t0, attempts: 1 },
      { fileId: 'cloud://x/fresh.jpg', uploaderOpenid: 'o-a', traceId: 'trace-fresh', requestedAt: new Date(t0.getTime() + 25 * 60_000), attempts: 1 },
      { fileId: 'cloud://x/passed.jpg', uploaderOpenid: 'o-a', traceId: 'trace-passed', requestedAt: t0, attempts: 1, verdict: 'pass' },
    ])
    const tick = new Date(t0.getTime() + 40 * 60_000)
    expect(await runTimer(database.db, { startMediaCheck, deletePhotos: null, sendSubscribeMessage: skipSubscribeMessage }, tick)).toMatchObject({ photoChecksRetried: 1, photosDeleted: null })
    expect(asked).toEqual(['cloud://x/lost.jpg'])
    const [lost] = await database.db.select().from(photoChecks).where(eq(photoChecks.fileId, 'cloud://x/lost.jpg'))
    expect(lost).toMatchObject({ traceId: 'trace-1', attempts: 2, verdict: 'checking' })
    expect(await runTimer(database.db, { startMediaCheck, deletePhotos: null, sendSubscribeMessage: skipSubscribeMessage }, tick)).toMatchObject({ photoChecksRetried: 0, photosDeleted: null })
  })

  it("When the local gateway's platform has no image check, then the tick asks nothing", async () => {
    expect(await runTimer(database.db, { startMediaCheck: null, deletePhotos: null, sendSubscribeMessage: skipSubscribeMessage }, new Date('2026-12-07T00:00:00Z'))).toMatchObject({ photoChecksRetried: 0, photosDeleted: null })
  })

  it("When WeChat's timer event names its Time near the clock, then that is now; without one, the clock", () => {
    const clock = () => new Date('2026-12-06T02:10:04Z')
    expect(timerNow({ Type: 'Timer', TriggerName: 'everyTenMinutes', Time: '2026-12-06T02:10:00Z' }, clock)).toEqual(new Date('2026-12-06T02:10:00Z'))
    expect(timerNow({ Time: 'yesterday' }, clock)).toEqual(clock())
    expect(timerNow(undefined, clock)).toEqual(clock())
  })

  it('When a timer event names a Time more than 10 minutes from the clock, then it is ignored and the clock is now', () => {
    const clock = () => new Date('2026-12-06T02:10:00Z')
    expect(timerNow({ Type: 'Timer', Time: '2030-01-01T19:00:00Z' }, clock)).toEqual(clock())
    expect(timerNow({ Type: 'Timer', Time: '2026-12-06T02:20:01Z' }, clock)).toEqual(clock())
    expect(timerNow({ Type: 'Timer', Time: '2026-12-06T01:59:59Z' }, clock)).toEqual(clock())
    expect(timerNow({ Type: 'Timer', Time: '2026-12-06T02:19:00Z' }, clock)).toEqual(new Date('2026-12-06T02:19:00Z'))
  })
})
