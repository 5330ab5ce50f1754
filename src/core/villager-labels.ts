import type { AppealStatus, LedgerLine, RecordStatus } from './contracts/score'
import type { LedgerKind } from './ledger'
import { calendarDaysUntil } from './period'

/** Points as a villager reads them: "+5", "−5" (a real minus sign), "0". */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`
  if (points < 0) return `−${Math.abs(points)}`
  return '0'
}

/** 'up' (green), 'down' (red) or 'none', for colouring a signed number. */
export function pointsTone(points: number): 'up' | 'down' | 'none' {
  return points > 0 ? 'up' : points < 0 ? 'down' : 'none'
}

/** An appeal's status as a tag (申诉, 我的申请, and the ledger line both villager and staff see). */
export const APPEAL_LABELS: Record<AppealStatus, { tag: string }> = {
  pending: { tag: '待处理' },
  upheld: { tag: '维持扣分' },
  overturned: { tag: '已撤销扣分' },
}

export const CLAIM_STATUS_LABELS: Record<RecordStatus, string> = {
  pending: '待审核',
  applied: '已通过',
  rejected: '未通过',
}

/** A deduction that can still be appealed: a score below zero, not reversed, not appealed yet. */
export function canAppeal(line: LedgerLine): boolean {
  return line.kind === 'score' && line.points < 0 && line.appeal === null && line.reversedBy === null
}

/** What a reversal line says about the entry it corrects; the earlier line is used when it is at hand. */
export function reversalText(line: LedgerLine, corrected: LedgerLine | undefined, dateOf: (iso: string) => string): string | null {
  if (line.reverses === null) return null
  if (!corrected) return `更正编号 ${line.reverses} 的那一笔`
  const what = corrected.rule ? `“${corrected.rule.title}”` : corrected.kindLabel
  return `更正 ${dateOf(corrected.createdAt)} ${what} ${signedPoints(corrected.points)} 分（编号 ${corrected.id}）`
}

/**
 * Who is named on a line: "评分人：王卫东（第一网格1号微网格）", the shop and its clerk ("兑换地点：赵家桥村积分超市（店员 钱小红）"), or whoever corrected
 * it ("更正人：陈明华"). A correction keeps the original scorer's organisation as the points' origin,
 * which is not the corrector's, so it is not shown there.
 */
export function actorText(kind: LedgerKind, actor: { name: string; org: { name: string } | null }): string {
  if (kind === 'score_reversal' || kind === 'redemption_reversal') return `更正人：${actor.name}`
  // A redemption happened at a shop: the shop is what the household looks for, its clerk comes second.
  if (kind === 'redemption') return actor.org ? `兑换地点：${actor.org.name}（店员 ${actor.name}）` : `店员：${actor.name}`
  const label = kind === 'opening' || kind === 'carried' ? '录入人' : '评分人'
  return `${label}：${actor.name}${actor.org ? `（${actor.org.name}）` : ''}`
}

/** "我家排第 3 名" or, when the caller has no household in the ranking, nothing. */
export function myRankText(mine: { rank: number } | null): string | null {
  return mine ? `我家排第 ${mine.rank} 名` : null
}

/**
 * A deadline as a household reads it (a 整改通报's, a 积分证明's expiry), by Shanghai calendar day:
 * 「还有 2 天到期」, 「还有 1 天到期」, 「今天到期」, then 「已逾期」 and 「已逾期 3 天」.
 */
export function noticeDueText(deadline: Date | string, now: Date): string {
  const days = calendarDaysUntil(deadline, now)
  if (days >= 1) return `还有 ${days} 天到期`
  if (days < 0) return `已逾期 ${-days} 天`
  return new Date(deadline).getTime() >= now.getTime() ? '今天到期' : '已逾期'
}
