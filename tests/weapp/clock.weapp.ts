import { eq } from 'drizzle-orm'
import type { Waiting } from '../../src/core/contracts/account'
import type { RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { localDay, shanghaiInstant, shiftDay } from '../../src/core/period'
import { QUIET_FROM_HOUR, QUIET_UNTIL_HOUR, isQuietHour } from '../../src/core/reminders'
import { runTimer } from '../../server/functions/timer'
import { skipSubscribeMessage } from '../../server/platform/subscribe-message'
import { notices } from '../../server/store/schema'
import { weappJourney } from './support/journey'

jest.setTimeout(180_000)

/** A waking moment on today's Shanghai calendar: now, or 07:00 / 20:59 when now is in the quiet hours. */
function wakingToday(now: Date): Date {
  if (!isQuietHour(now)) return now
  const day = localDay(now)
  return now < shanghaiInstant(day, QUIET_UNTIL_HOUR) ? shanghaiInstant(day, QUIET_UNTIL_HOUR) : new Date(shanghaiInstant(day, QUIET_FROM_HOUR).getTime() - 60_000)
}

/**
 * The clock in the weapp build: 陈明华's 首页 starts with 今天要做的, the counts account.waiting reports, and the
 * overdue count opens the list; 张建国's 首页 says his new notice is due tomorrow, and once the timer has run
 * the reminder is in 我的消息.
 */
describe('今天要做的 and the clock in the mini-program', () => {
  const journey = weappJourney()

  it('陈明华 sees 今天要做的 with the counts the server reports; tapping the overdue count opens that list', async () => {
    const waiting = await journey.callAs<Waiting>('demo-cadre', 'account', { action: 'waiting' })
    const cadre = await journey.openPhone('demo-cadre')
    const screen = cadre.screenText()
    expect(screen).toContain('今天要做的')
    const work = waiting.work.filter((w) => w.orgId === 'v-zjq')
    expect(work.length).toBeGreaterThan(0)
    for (const w of work) expect(screen).toContain(` · ${w.count} 条`)
    const overdue = work.find((w) => w.overdue > 0)
    expect(overdue).toBeDefined()
    await cadre.tap(`其中 ${overdue!.overdue} 条逾期`)
    expect(cadre.page.route).toBe(overdue!.key === 'matter-work' ? 'matters/work/index' : `work/${overdue!.key}/index`)
    expect(cadre.screenText()).toContain('逾期')
  })

  it('张建国 reads 明天到期 on his 首页; after the timer runs, the reminder is in 我的消息', async () => {
    const rules = await journey.callAs<RuleSetView>('demo-grid-leader', 'score', { action: 'rules', orgId: 'v-zjq' })
    const clutter = rules.rules.find((r) => r.code === 'env-clutter')!
    const walk = await journey.callAs<SubmitResult>('demo-grid-leader', 'score', {
      action: 'submit',
      requestId: 'clock-weapp-walk',
      householdIds: ['h-zjq-01'],
      ruleId: clutter.id,
      photos: ['local://00000003-0000-4000-8000-000000000000.jpg'],
      note: '柴火堆在路边',
    })
    const clockNow = wakingToday(new Date())
    const db = journey.cloud.database.db
    await db
      .update(notices)
      .set({ deadline: shanghaiInstant(shiftDay(localDay(clockNow), 1), 12) })
      .where(eq(notices.deductionEntryId, walk.results[0].entryId!))

    const villager = await journey.openPhone('demo-villager')
    expect(villager.screenText()).toContain('明天到期')

    const report = await runTimer(db, { startMediaCheck: null, deletePhotos: null, sendSubscribeMessage: skipSubscribeMessage }, clockNow)
    expect(report.reminders.sent).toBeGreaterThan(0)
    await villager.tap(/^我的消息/)
    const messages = villager.screenText()
    expect(messages).toContain('整改快到期了')
    expect(messages).toContain('“柴火堆在路边”明天到期')
  })
})
