import { eq } from 'drizzle-orm'
import type { Waiting } from '../../src/core/contracts/account'
import type { MatterWorkList } from '../../src/core/contracts/matter'
import type { NoticeOutputs } from '../../src/core/contracts/notice'
import type { RuleSetView, SubmitResult } from '../../src/core/contracts/score'
import { localDay, shanghaiInstant, shiftDay } from '../../src/core/period'
import { QUIET_FROM_HOUR, QUIET_UNTIL_HOUR, WAITING_WORK_LABELS, isQuietHour } from '../../src/core/reminders'
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
 * The clock in the weapp build: 陈明华's 首页 starts with 今天要做的, the counts account.waiting reports, and
 * each overdue count opens its list on the overdue alone (只看逾期); 张建国's 首页 says his new notice has
 * 还有 1 天到期, and once the timer has run the reminder is in 我的消息; 李秀英's 首页 leads with the answer
 * to her matter and her 积分证明 about to expire.
 */
describe('今天要做的 and the clock in the mini-program', () => {
  const journey = weappJourney()

  it('陈明华 sees 今天要做的 with the counts the server reports; each overdue count opens its list showing only the overdue, and 看全部 brings the rest back', async () => {
    const waiting = await journey.callAs<Waiting>('demo-cadre', 'account', { action: 'waiting' })
    const cadre = await journey.openPhone('demo-cadre')
    const screen = cadre.screenText()
    expect(screen).toContain('今天要做的')
    const work = waiting.work.filter((w) => w.orgId === 'v-zjq')
    expect(work.length).toBeGreaterThan(0)
    for (const w of work) expect(screen).toContain(`${WAITING_WORK_LABELS[w.key]} · ${w.count} 条`)
    // The demo's 村西小桥 is two days past its due date.
    const overdue = work.filter((w) => w.overdue > 0)
    expect(overdue.map((w) => w.key)).toContain('matter-work')

    for (const [i, w] of overdue.entries()) {
      const before = overdue.slice(0, i).filter((o) => o.overdue === w.overdue).length
      await cadre.tap(`其中 ${w.overdue} 条逾期`, before)
      if (w.key === 'matter-work') {
        expect(cadre.page.route).toBe('matters/work/index')
        const list = await journey.callAs<MatterWorkList>('demo-cadre', 'matter', { action: 'workList', orgId: 'v-zjq' })
        const late = list.matters.filter((m) => m.status === 'overdue')
        const onTime = list.matters.filter((m) => m.status !== 'overdue')
        expect(late).toHaveLength(w.overdue)
        expect(onTime.length).toBeGreaterThan(0)
        const shown = cadre.screenText()
        expect(shown).toContain(`只看逾期 · ${w.overdue} 件`)
        for (const m of late) expect(shown).toContain(m.text)
        for (const m of onTime) expect(shown).not.toContain(m.text)
        await cadre.tap(`看全部 ${list.matters.length} 件`)
        for (const m of list.matters) expect(cadre.screenText()).toContain(m.text)
        expect(cadre.screenText()).not.toContain('只看逾期 ·')
      } else {
        expect(cadre.page.route).toBe(`work/${w.key}/index`)
        const check = await journey.callAs<NoticeOutputs['awaitingCheck']>('demo-cadre', 'notice', { action: 'awaitingCheck', orgId: 'v-zjq' })
        expect(check.overdue).toHaveLength(w.overdue)
        const shown = cadre.screenText()
        expect(shown).toContain(`只看逾期 · ${w.overdue} 条`)
        expect(shown).toContain(`逾期没整改（${w.overdue}）`)
        expect(shown).not.toContain('待核验（')
        for (const n of check.overdue) expect(shown).toContain(n.householdLabel)
        const lateLabels = new Set(check.overdue.map((n) => n.householdLabel))
        for (const n of check.toVerify.filter((v) => !lateLabels.has(v.householdLabel))) expect(shown).not.toContain(n.householdLabel)
        await cadre.tap(`看全部 ${check.toVerify.length + check.overdue.length} 条`)
        expect(cadre.screenText()).toContain(`待核验（${check.toVerify.length}）`)
      }
      await cadre.back()
    }
  })

  it('张建国 reads 还有 1 天到期 on his 首页; after the timer runs, the reminder is in 我的消息', async () => {
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
    expect(villager.screenText()).toMatch(/柴火堆在路边还有 1 天到期整改好了拍照上传/)

    const report = await runTimer(db, { startMediaCheck: null, deletePhotos: null, sendSubscribeMessage: skipSubscribeMessage }, clockNow)
    expect(report.reminders.sent).toBeGreaterThan(0)
    await villager.tap(/^我的消息/)
    const messages = villager.screenText()
    expect(messages).toContain('整改快到期了')
    expect(messages).toContain('“柴火堆在路边”还有 1 天到期')
  })

  it('李秀英’s 首页 leads with the answer to her matter and her 积分证明 about to expire, each one tap from its page', async () => {
    const waiting = await journey.callAs<Waiting>('demo-villager-2', 'account', { action: 'waiting' })
    expect(waiting.answers).toHaveLength(1)
    expect(waiting.certificates).toHaveLength(1)
    const li = await journey.openPhone('demo-villager-2')
    const screen = li.screenText()
    expect(screen).toContain('您家有新的事要看')
    expect(screen).toContain('您提的事有办理结果了“1组垃圾分类亭的门坏了关不上”：门已换新，请大家轻开轻关')
    expect(screen).toMatch(/积分证明还有 2 天到期给平湖农商银行的积分证明快到期了/)
    // What concerns her household comes before the household card.
    expect(screen.indexOf('您提的事有办理结果了')).toBeLessThan(screen.indexOf('李秀英 家'))

    const taps = li.taps
    await li.tap('看结果，评价一下')
    expect(li.page.route).toBe('matters/detail/index')
    expect(li.screenText()).toContain('您对办理结果满意吗？')
    await li.back()
    await li.tap('看积分证明')
    expect(li.page.route).toBe('credit/certificate/index')
    expect(li.screenText()).toContain('给平湖农商银行的积分证明')
    expect(li.taps - taps).toBe(3)
  })
})
