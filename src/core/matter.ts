/**
 * A matter (议事/诉求) raised at a micro-grid's 连心议站, as a state machine: 已收集 → 研判 (accepted,
 * merged into an existing matter, or declined with a reason) → 交办 (to a cadre of the village, or
 * escalated to the street) → 办理中 (progress notes; a due date extendable with a reason) → 已反馈 (the
 * outcome written to the resident) → 已评价 (满意 / 基本满意 / 不满意). 不满意 reopens it once, back to
 * 办理中; a second 不满意 closes it. 逾期 is derived from the due date, so no clock job is needed.
 */
export const MATTER_STATUSES = ['collected', 'accepted', 'assigned', 'in_progress', 'answered', 'rated', 'merged', 'declined'] as const
export type MatterStatus = (typeof MATTER_STATUSES)[number]
/** What people see: 逾期 is a matter being handled whose due date has passed. */
export type ShownMatterStatus = MatterStatus | 'overdue'

export const MATTER_STATUS_LABELS: Record<ShownMatterStatus, string> = {
  collected: '已收集',
  accepted: '已受理',
  assigned: '已交办',
  in_progress: '办理中',
  answered: '已反馈',
  rated: '已评价',
  merged: '已合并',
  declined: '不予受理',
  overdue: '逾期',
}

/** States no step leaves. */
export const CLOSED_MATTER_STATUSES: readonly MatterStatus[] = ['rated', 'merged', 'declined']
/** States of a matter being handled (交办 done, no answer yet): its due date counts, it can be 逾期. */
export const HANDLING_MATTER_STATUSES: readonly MatterStatus[] = ['assigned', 'in_progress']

export const MATTER_RATINGS = ['satisfied', 'fair', 'unsatisfied'] as const
export type MatterRating = (typeof MATTER_RATINGS)[number]
export const MATTER_RATING_LABELS: Record<MatterRating, string> = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' }

/** Who handles a matter once it is assigned: a cadre of the village, or the street (escalated). */
export type MatterAssignee = 'cadre' | 'street'

export type MatterState = {
  status: MatterStatus
  assignee: MatterAssignee | null
  dueAt: Date | null
  /** How many times 不满意 reopened it: 0 or 1. */
  reopened: number
  rating: MatterRating | null
}

export type MatterAction =
  | { type: 'accept' }
  | { type: 'merge' }
  | { type: 'decline' }
  | { type: 'assign'; to: MatterAssignee; dueAt: Date }
  | { type: 'progress' }
  | { type: 'extend'; dueAt: Date }
  | { type: 'feedback' }
  | { type: 'rate'; rating: MatterRating }

export type MatterStep = MatterAction['type']

export const MATTER_STEP_LABELS: Record<MatterStep | 'raise' | 'reopen', string> = {
  raise: '提出',
  accept: '受理',
  merge: '合并',
  decline: '不予受理',
  assign: '交办',
  progress: '办理进展',
  extend: '延期',
  feedback: '反馈结果',
  rate: '评价',
  reopen: '重新办理',
}

export const NEW_MATTER: MatterState = { status: 'collected', assignee: null, dueAt: null, reopened: 0, rating: null }

/** The status a matter shows at `now`: 逾期 while it is handled past its due date. */
export function shownMatterStatus(matter: Pick<MatterState, 'status' | 'dueAt'>, now: Date): ShownMatterStatus {
  const handling = HANDLING_MATTER_STATUSES.includes(matter.status)
  return handling && matter.dueAt !== null && now.getTime() > matter.dueAt.getTime() ? 'overdue' : matter.status
}

export function isMatterClosed(status: MatterStatus): boolean {
  return CLOSED_MATTER_STATUSES.includes(status)
}

export type MatterTransition = { ok: true; state: MatterState; reopens: boolean } | { ok: false; reason: string }

/** The state after `action`, or the plain Chinese reason it is refused. */
export function nextMatterState(matter: MatterState, action: MatterAction, now: Date): MatterTransition {
  const label = MATTER_STATUS_LABELS[matter.status]
  const refuse = (what: string): MatterTransition => ({ ok: false, reason: `这件事${label}，${what}` })
  const to = (changes: Partial<MatterState>, reopens = false): MatterTransition => ({ ok: true, state: { ...matter, ...changes }, reopens })
  if (isMatterClosed(matter.status)) return refuse('不能再办理')
  const handling = HANDLING_MATTER_STATUSES.includes(matter.status)
  switch (action.type) {
    case 'accept':
      return matter.status === 'collected' ? to({ status: 'accepted' }) : refuse('已经研判过了')
    case 'merge':
    case 'decline':
      return matter.status === 'collected' ? to({ status: action.type === 'merge' ? 'merged' : 'declined' }) : refuse('已经研判过了')
    case 'assign':
      if (action.dueAt.getTime() <= now.getTime()) return { ok: false, reason: '办理期限要晚于现在' }
      return matter.status === 'accepted' || handling ? to({ status: 'assigned', assignee: action.to, dueAt: action.dueAt }) : refuse('不能交办')
    case 'progress':
      return handling ? to({ status: 'in_progress' }) : refuse('不能记录办理进展')
    case 'extend':
      if (!handling || matter.dueAt === null) return refuse('不用延期')
      if (action.dueAt.getTime() <= Math.max(now.getTime(), matter.dueAt.getTime())) return { ok: false, reason: '新的期限要晚于原来的期限和现在' }
      return to({ dueAt: action.dueAt })
    case 'feedback':
      return handling ? to({ status: 'answered' }) : refuse('还不能反馈结果')
    case 'rate':
      if (matter.status !== 'answered') return refuse('现在不能评价')
      if (action.rating === 'unsatisfied' && matter.reopened === 0) return to({ status: 'in_progress', reopened: 1, rating: action.rating }, true)
      return to({ status: 'rated', rating: action.rating })
  }
}
