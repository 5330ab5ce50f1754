/**
 * A rectification notice (整改通报) as a state machine. A deduction under a restorable rule opens it
 * (待整改); the household submits proof (待核验); a scorer accepts it (已整改, and the deducted points
 * come back by one linked entry) or rejects it (back to 待整改 with the reason). Past its deadline an
 * open notice shows as 逾期: no proof is taken until a cadre extends the deadline. If the deduction
 * itself is overturned on appeal, the notice is withdrawn (已撤销).
 */
export const NOTICE_STATUSES = ['open', 'proof_submitted', 'rectified', 'withdrawn'] as const
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]
/** What people see: 逾期 is an open notice whose deadline has passed. */
export type ShownNoticeStatus = NoticeStatus | 'overdue'

export const NOTICE_STATUS_LABELS: Record<ShownNoticeStatus, string> = {
  open: '待整改',
  proof_submitted: '待核验',
  rectified: '已整改',
  withdrawn: '已撤销',
  overdue: '逾期',
}

export type NoticeState = { status: NoticeStatus; deadline: Date }

export type NoticeAction =
  | { type: 'submitProof' }
  | { type: 'accept' }
  | { type: 'reject' }
  | { type: 'extend'; deadline: Date }
  | { type: 'withdraw' }

export function shownStatus(notice: NoticeState, now: Date): ShownNoticeStatus {
  return notice.status === 'open' && now.getTime() > notice.deadline.getTime() ? 'overdue' : notice.status
}

/**
 * The state after `action`, and whether it gives the deducted points back; or the plain Chinese
 * reason it is refused. Accepting proof is the only way to 已整改 and the only restoration.
 */
export function nextNoticeState(
  notice: NoticeState,
  action: NoticeAction,
  now: Date,
): { ok: true; state: NoticeState; restores: boolean } | { ok: false; reason: string } {
  const shown = shownStatus(notice, now)
  const to = (status: NoticeStatus, deadline = notice.deadline, restores = false) => ({ ok: true as const, state: { status, deadline }, restores })
  switch (action.type) {
    case 'submitProof':
      if (shown === 'overdue') return { ok: false, reason: '已经逾期，请联系村干部延期后再提交' }
      return shown === 'open' ? to('proof_submitted') : { ok: false, reason: `通报${NOTICE_STATUS_LABELS[shown]}，不能再提交整改` }
    case 'accept':
      return shown === 'proof_submitted' ? to('rectified', notice.deadline, true) : { ok: false, reason: `通报${NOTICE_STATUS_LABELS[shown]}，不能核验通过` }
    case 'reject':
      return shown === 'proof_submitted' ? to('open') : { ok: false, reason: `通报${NOTICE_STATUS_LABELS[shown]}，不能退回` }
    case 'extend':
      if (action.deadline.getTime() <= now.getTime()) return { ok: false, reason: '新的期限要晚于现在' }
      return shown === 'open' || shown === 'overdue' || shown === 'proof_submitted'
        ? to(notice.status, action.deadline)
        : { ok: false, reason: `通报${NOTICE_STATUS_LABELS[shown]}，不用延期` }
    case 'withdraw':
      return notice.status === 'open' || notice.status === 'proof_submitted' ? to('withdrawn') : { ok: false, reason: `通报${NOTICE_STATUS_LABELS[shown]}，不能撤销` }
  }
}

/** Median of durations in ms (the middle one, or the mean of the two middle ones); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const HOUR_MS = 3600 * 1000

/** One notice as the numbers count it. */
export type NoticeFacts = { status: string; deadline: Date; openedAt: Date; rectifiedAt: Date | null }

/**
 * What cadres and the street read of a set of notices: opened (withdrawn ones not counted),
 * rectified, overdue now, the rectification rate and the median hours from opening to 已整改.
 */
export function rectificationNumbers(notices: readonly NoticeFacts[], now: Date) {
  const counted = notices.filter((n) => n.status !== 'withdrawn')
  const rectified = counted.filter((n) => n.status === 'rectified')
  const middle = median(rectified.map((n) => n.rectifiedAt!.getTime() - n.openedAt.getTime()))
  return {
    opened: counted.length,
    rectified: rectified.length,
    overdue: counted.filter((n) => shownStatus({ status: n.status as NoticeStatus, deadline: n.deadline }, now) === 'overdue').length,
    rate: counted.length ? rectified.length / counted.length : null,
    medianHoursToRectify: middle === null ? null : Math.round((middle / HOUR_MS) * 10) / 10,
  }
}
