import type { WaitingWork, WaitingWorkKey } from './contracts/account'
import { calendarDaysUntil, localDay, shanghaiInstant, shiftDay } from './period'
import { noticeDueText } from './villager-labels'

/**
 * The clock's reminders: what the timer tells people on its own, and when. Each reminder is one
 * (person, reason, subject, day): the store keeps that key once, so a timer that fires twice, or a run
 * that stops half way and runs again, tells each person each thing once.
 */
export const REMINDER_REASONS = ['notice-due', 'notice-overdue', 'matter-rate', 'certificate-expiring', 'digest'] as const
export type ReminderReason = (typeof REMINDER_REASONS)[number]

/** No reminder goes out from 21:00 to 07:00 Shanghai time; what falls due then goes at the first tick from 07:00. */
export const QUIET_FROM_HOUR = 21
export const QUIET_UNTIL_HOUR = 7

export function isQuietHour(now: Date): boolean {
  const day = localDay(now)
  return now < shanghaiInstant(day, QUIET_UNTIL_HOUR) || now >= shanghaiInstant(day, QUIET_FROM_HOUR)
}

/** The latest moment reminders may go out at or before `now`: `now` itself outside quiet hours, else 20:59 the evening before. */
export function latestWakingMoment(now: Date): Date {
  if (!isQuietHour(now)) return now
  const evening = shanghaiInstant(localDay(now), QUIET_FROM_HOUR)
  const lastMinute = (from: Date) => new Date(from.getTime() - 60_000)
  return now >= evening ? lastMinute(evening) : lastMinute(shanghaiInstant(shiftDay(localDay(now), -1), QUIET_FROM_HOUR))
}

/** 「问题解决了吗？」 is asked on the morning this many calendar days (Shanghai) after the answer, when the raiser has not rated it. */
export const RATE_REQUEST_AFTER_DAYS = 3
/** A 积分证明 expiring within this many days is announced to its household. */
export const CERTIFICATE_WARNING_DAYS = 3
/** A matter's answer stays on its households' 首页 this many days (the raiser's until they rate it, within them). */
export const ANSWER_SHOWN_DAYS = 7
/**
 * An overdue notice is announced once, if its deadline passed within this many days: the first run of the
 * clock on an old installation does not bring up notices overdue for months.
 */
export const OVERDUE_NOTICE_WINDOW_DAYS = 7

/** What a person is told: the message list's title and body, the page it opens, the subscribe message's item. */
export type Notification = { title: string; body: string; page: string; item: string }

function shortItem(text: string): string {
  return Array.from(text).slice(0, 20).join('')
}

export function noticeDueNote(notice: { id: number; problem: string; deadline: Date }, now: Date): Notification {
  return {
    title: '整改快到期了',
    body: `“${notice.problem}”${noticeDueText(notice.deadline, now)}，整改好后请拍照提交。`,
    page: `pages/notices/detail?id=${notice.id}`,
    item: shortItem(notice.problem),
  }
}

export function noticeOverdueNote(notice: { id: number; problem: string }): Notification {
  return {
    title: '整改已逾期',
    body: `“${notice.problem}”已过整改期限，请尽快整改并拍照提交，有困难请找村里。`,
    page: `pages/notices/detail?id=${notice.id}`,
    item: shortItem(notice.problem),
  }
}

export function matterRateNote(matter: { id: number; text: string }): Notification {
  const item = shortItem(matter.text)
  return {
    title: '问题解决了吗？',
    body: `“${item}”已经有办理结果了，请告诉我们您是否满意。`,
    page: `matters/detail/index?id=${matter.id}`,
    item,
  }
}

export function certificateExpiringNote(certificate: { bankName: string; expiresAt: Date }, now: Date): Notification {
  return {
    title: '积分证明快到期了',
    body: `您家给${certificate.bankName}的积分证明${noticeDueText(certificate.expiresAt, now)}，还需要的话请重新申请。`,
    page: 'credit/certificate/index',
    item: `${certificate.bankName}积分证明`,
  }
}

/** The name of each kind of waiting work, as on the staff home's buttons. */
export const WAITING_WORK_LABELS: Record<WaitingWorkKey, string> = {
  review: '待我审核',
  'notice-verify': '整改核验',
  'matter-work': '议事待办',
}

/** How long the oldest item of a kind has waited, in Shanghai calendar days: 「最早的等了 4 天」, 「都是今天的」. */
export function waitingAgeText(oldestAt: Date | string, now: Date): string {
  const days = -calendarDaysUntil(oldestAt, now)
  return days > 0 ? `最早的等了 ${days} 天` : '都是今天的'
}

/** 「待我审核 3 条」 with 「其中 1 条逾期」 when some are. */
export function waitingCountText(work: Pick<WaitingWork, 'key' | 'count' | 'overdue'>): string {
  return `${WAITING_WORK_LABELS[work.key]} ${work.count} 条${work.overdue > 0 ? `（其中 ${work.overdue} 条逾期）` : ''}`
}

/**
 * A staff member's one message of the day: every kind of work waiting for them, counted, with the overdue
 * and the matters given to them that are due tomorrow. Null when nothing waits.
 */
export function digestNote(work: readonly WaitingWork[], mattersDueTomorrow: number, now: Date): Notification | null {
  if (work.length === 0 && mattersDueTomorrow === 0) return null
  const totals = new Map<WaitingWorkKey, WaitingWork>()
  for (const w of work) {
    const sum = totals.get(w.key)
    totals.set(w.key, sum ? { ...sum, count: sum.count + w.count, overdue: sum.overdue + w.overdue, oldestAt: sum.oldestAt < w.oldestAt ? sum.oldestAt : w.oldestAt } : w)
  }
  const lines = [...totals.values()].map((w) => `${waitingCountText(w)}，${waitingAgeText(w.oldestAt, now)}`)
  if (mattersDueTomorrow > 0) lines.push(`交办给您的议事 ${mattersDueTomorrow} 件明天到期`)
  return { title: '今天要做的', body: `${lines.join('；')}。`, page: 'pages/home/index', item: WAITING_WORK_LABELS[work[0]?.key ?? 'matter-work'] }
}
