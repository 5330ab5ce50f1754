import { and, eq, gte } from 'drizzle-orm'
import type { MatterDetail } from '../../src/core/contracts/matter'
import type { SubmitResult } from '../../src/core/contracts/score'
import { CERTIFICATE_VALID_DAYS } from '../../src/core/credit/certificate'
import { formatLocalTime, localDay, shanghaiInstant, shiftDay } from '../../src/core/period'
import { isQuietHour } from '../../src/core/reminders'
import { localPlatform } from '../platform/local/platform'
import type { SendSubscribeMessage, SubscribeMessage } from '../platform/subscribe-message'
import { issueCertificate } from '../services/credit/certificates'
import { recordSubscriptionGrant } from '../services/shared/notifications'
import type { Database } from '../store/database'
import { matters, messages, notices, remindersSent } from '../store/schema'
import { openDemoTestDatabase, ruleIdsByCode } from '../test-support/test-database'
import type { CloudFunction } from './define-function'
import { matterFunction } from './matter'
import { scoreFunction } from './score'
import { runTimer } from './timer'

jest.setTimeout(120_000)

const DAY = 24 * 60 * 60_000

/** The demo village is made today; the clock then runs over the next three days. */
const TODAY = localDay(new Date())
const day = (n: number) => shiftDay(TODAY, n)
/** A Shanghai wall-clock time on day `n` after today. */
const at = (n: number, hour: number, minute = 0) => new Date(shanghaiInstant(day(n), hour).getTime() + minute * 60_000)
/** The ticks of each day: before 07:00 (quiet), 07:00, noon, 20:50, 21:00 and 23:00 (quiet). */
const ticksOf = (n: number) => [at(n, 6, 30), at(n, 7), at(n, 12), at(n, 20, 50), at(n, 21), at(n, 23)]

let database: Database
beforeAll(async () => {
  database = await openDemoTestDatabase()
})
afterAll(() => database.close())

let seq = 0
async function call<T>(fn: CloudFunction, openid: string, event: Record<string, unknown>): Promise<T> {
  const answer = await fn.invoke({ db: database.db, openid, event: { requestId: `req-clock-${++seq}`, ...event }, platform: localPlatform })
  if (!answer.ok) throw new Error(`${String(event.action)}: ${answer.error.message}`)
  return answer.data as T
}

/** WeChat's subscribe-message API as the clock sees it: every message sent, in order. */
const subscribeSent: SubscribeMessage[] = []
const send: SendSubscribeMessage = async (message) => (subscribeSent.push(message), 'sent')
const timer = (sendSubscribeMessage: SendSubscribeMessage = send) => ({ startMediaCheck: null, deletePhotos: null, sendSubscribeMessage })

/** What the clock wrote to 我的消息, as a person reads it: who, when (Shanghai), the title. */
async function clockMessages() {
  const rows = await database.db
    .select()
    .from(messages)
    .where(gte(messages.createdAt, at(1, 0)))
    .orderBy(messages.id)
  return rows.map((m) => ({ openid: m.openid, at: formatLocalTime(m.createdAt), title: m.title, body: m.body, delivery: m.delivery }))
}

describe('the clock: three days of reminders in the demo village', () => {
  let dueTomorrowNotice: number
  let dueTodayNotice: number
  let answeredMatter: number

  beforeAll(async () => {
    const ruleIds = await ruleIdsByCode(database.db, 'rs-zjq')
    const deduct = async (householdId: string) => {
      const walk = await call<SubmitResult>(scoreFunction, 'demo-grid-leader', { action: 'submit', householdIds: [householdId], ruleId: ruleIds['env-clutter'], photos: ['local://00000002-0000-4000-8000-000000000000.jpg'], note: '门口堆放杂物' })
      const [row] = await database.db.select({ id: notices.id }).from(notices).where(eq(notices.deductionEntryId, walk.results[0].entryId!))
      return row.id
    }
    // 张建国's notice is due at noon on day 2; 李秀英's at 22:00 on day 1, in quiet hours.
    dueTomorrowNotice = await deduct('h-zjq-01')
    dueTodayNotice = await deduct('h-zjq-02')
    await database.db.update(notices).set({ deadline: at(2, 12) }).where(eq(notices.id, dueTomorrowNotice))
    await database.db.update(notices).set({ deadline: at(1, 22) }).where(eq(notices.id, dueTodayNotice))

    // Two of 张建国's matters given to 陈明华: one due on day 2, one answered today (李秀英 also met it).
    const raise = (text: string) => call<MatterDetail>(matterFunction, 'demo-villager', { action: 'raise', text, place: '村口', photos: [] })
    const handled = async (text: string) => {
      const matter = await raise(text)
      await call(matterFunction, 'demo-grid-leader', { action: 'accept', matterId: matter.id })
      await call(matterFunction, 'demo-grid-leader', { action: 'assign', matterId: matter.id, to: 'cadre', cadreOpenid: 'demo-cadre', days: 7 })
      return matter.id
    }
    const dueMatter = await handled('村口的路灯坏了')
    await database.db.update(matters).set({ dueAt: at(2, 18) }).where(eq(matters.id, dueMatter))
    answeredMatter = await handled('路边的排水沟堵了')
    await call(matterFunction, 'demo-villager-2', { action: 'second', matterId: answeredMatter })
    await call(matterFunction, 'demo-cadre', { action: 'feedback', matterId: answeredMatter, outcome: '已经请人疏通了', photos: [] })

    // 张建国's 积分证明 (asked for 30 days before) expires at 10:00 on day 3; 李秀英 claims volunteer points, which wait for 陈明华.
    await issueCertificate(database.db, 'demo-villager', { bankId: 'bk-pinghu', showName: false }, new Date(at(3, 10).getTime() - CERTIFICATE_VALID_DAYS * DAY))
    await call(scoreFunction, 'demo-villager-2', { action: 'claim', ruleId: ruleIds['volunteer-service'], photos: ['local://00000001-0000-4000-8000-000000000000.jpg'], note: '打扫村道' })

    // 张建国 allowed one subscribe message; the others several.
    await recordSubscriptionGrant(database.db, 'demo-villager', 1)
    for (const openid of ['demo-villager-2', 'demo-cadre', 'demo-grid-leader']) await recordSubscriptionGrant(database.db, openid, 5)
  })

  it('When the timer ticks through day 1, then each household hears of its notice once, 张建国 of his 积分证明, 陈明华 gets one digest, and the quiet hours send nothing', async () => {
    for (const tick of ticksOf(1)) {
      const first = await runTimer(database.db, timer(), tick)
      expect(first.reminders.quiet).toBe(isQuietHour(tick))
      // A timer that fires twice: the second run sends nothing.
      expect((await runTimer(database.db, timer(), tick)).reminders.sent).toBe(0)
    }
    const sent = await clockMessages()
    expect(sent.filter((m) => m.openid !== 'demo-cadre' && m.openid !== 'demo-grid-leader')).toEqual([
      { openid: 'demo-villager', at: `${day(1)} 07:00`, title: '整改快到期了', body: '“门口堆放杂物”还有 1 天到期，整改好后请拍照提交。', delivery: 'sent' },
      { openid: 'demo-villager-2', at: `${day(1)} 07:00`, title: '整改快到期了', body: '“门口堆放杂物”今天到期，整改好后请拍照提交。', delivery: 'sent' },
      // His one grant is spent: the second reminder is in 我的消息 only.
      { openid: 'demo-villager', at: `${day(1)} 07:00`, title: '积分证明快到期了', body: '您家给平湖农商银行的积分证明还有 2 天到期，还需要的话请重新申请。', delivery: 'no_grant' },
    ])
    const cadre = sent.filter((m) => m.openid === 'demo-cadre')
    expect(cadre).toHaveLength(1)
    expect(cadre[0]).toMatchObject({ at: `${day(1)} 07:00`, title: '今天要做的' })
    expect(cadre[0].body).toContain('待我审核 1 条，最早的等了 1 天')
    expect(cadre[0].body).toContain('交办给您的议事 1 件明天到期')
    expect(subscribeSent.filter((m) => m.openid === 'demo-villager')).toHaveLength(1)
  })

  it('When a run on day 2 stops half way, then the run after it sends the rest, each once; the notice overdue at 22:00 waits for 07:00', async () => {
    let calls = 0
    const failing: SendSubscribeMessage = async (message) => {
      calls += 1
      if (calls === 2) throw new Error('the function instance was stopped')
      return send(message)
    }
    await expect(runTimer(database.db, timer(failing), at(2, 7))).rejects.toThrow('stopped')
    const partial = (await clockMessages()).filter((m) => m.at.startsWith(day(2)))
    expect(partial).toHaveLength(1)
    expect((await runTimer(database.db, timer(), at(2, 7))).reminders.sent).toBeGreaterThan(0)
    expect((await runTimer(database.db, timer(), at(2, 7))).reminders.sent).toBe(0)
    for (const tick of ticksOf(2).slice(2)) await runTimer(database.db, timer(), tick)

    const sent = (await clockMessages()).filter((m) => m.at.startsWith(day(2)))
    expect(sent.filter((m) => m.title !== '今天要做的').map(({ openid, at, title }) => ({ openid, at, title }))).toEqual([
      { openid: 'demo-villager-2', at: `${day(2)} 07:00`, title: '整改已逾期' },
      { openid: 'demo-villager', at: `${day(2)} 20:50`, title: '整改已逾期' },
    ])
    const digests = sent.filter((m) => m.title === '今天要做的')
    expect(digests.map((m) => m.openid).sort()).toEqual([...new Set(digests.map((m) => m.openid))].sort())
    expect(digests.find((m) => m.openid === 'demo-grid-leader')?.body).toContain('整改核验 1 条（其中 1 条逾期）')
    // Each subscribe message of the day went once, though one run stopped half way.
    const today = subscribeSent.filter((m) => m.fields.time.startsWith(day(2)))
    expect(today.map((m) => `${m.openid} ${m.fields.what}`)).toEqual([...new Set(today.map((m) => `${m.openid} ${m.fields.what}`))])
    expect(today).toHaveLength(sent.filter((m) => m.delivery === 'sent').length)
  })

  it('When day 3 comes, then 张建国 is asked 「问题解决了吗？」 about the answered matter (李秀英, who only met it, is not), and nothing is sent twice over the three days', async () => {
    for (const tick of ticksOf(3)) await runTimer(database.db, timer(), tick)
    const sent = (await clockMessages()).filter((m) => m.at.startsWith(day(3)))
    expect(sent.filter((m) => m.title !== '今天要做的').map(({ openid, at, title, body }) => ({ openid, at, title, body }))).toEqual([
      { openid: 'demo-villager', at: `${day(3)} 07:00`, title: '问题解决了吗？', body: '“路边的排水沟堵了”已经有办理结果了，请告诉我们您是否满意。' },
    ])
    expect(sent.find((m) => m.openid === 'demo-grid-leader')?.body).toContain('整改核验 2 条（其中 2 条逾期）')

    const all = await clockMessages()
    expect(all.every((m) => !isQuietHour(new Date(`${m.at.replace(' ', 'T')}:00+08:00`)))).toBe(true)
    const keys = await database.db.select().from(remindersSent)
    expect(keys).toHaveLength(all.length)
    const digestsPerDay = keys.filter((k) => k.reason === 'digest').map((k) => `${k.openid} ${k.day}`)
    expect(digestsPerDay).toEqual([...new Set(digestsPerDay)])
    expect(keys.filter((k) => k.openid === 'demo-cadre').map((k) => k.day)).toEqual([day(1), day(2), day(3)])
    expect(keys.filter((k) => k.reason === 'matter-rate')).toEqual([expect.objectContaining({ openid: 'demo-villager', subject: `matter:${answeredMatter}` })])
    expect(await database.db.select().from(remindersSent).where(and(eq(remindersSent.reason, 'notice-due'), eq(remindersSent.subject, `notice:${dueTomorrowNotice}`)))).toHaveLength(1)
  })
})
