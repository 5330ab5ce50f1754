import { shownMatterStatus, type MatterRating, type MatterStatus } from './matter'
import { median } from './rectification'

const DAY = 24 * 3600 * 1000

/** What the numbers need of one matter. */
export type MatterFacts = { status: MatterStatus; dueAt: Date | null; raisedAt: Date; firstFeedbackAt: Date | null; rating: MatterRating | null }

/** The numbers that matter to the street, for one micro-grid, village or street. */
export type MatterNumbers = {
  raised: number
  /** 已评价, 已合并 or 不予受理. */
  closed: number
  /** Days from raising to the first feedback, one decimal; null when none was answered yet. */
  medianDaysToFeedback: number | null
  rated: number
  /** (满意 + 基本满意) / rated, 0..1; null when none was rated. */
  satisfaction: number | null
  overdue: number
}

/** Merged matters count as raised and closed but not as answered: their answer is the matter they joined. */
export function matterNumbers(matters: readonly MatterFacts[], now: Date): MatterNumbers {
  const days = matters.filter((m) => m.firstFeedbackAt !== null).map((m) => (m.firstFeedbackAt!.getTime() - m.raisedAt.getTime()) / DAY)
  const middle = median(days)
  const rated = matters.filter((m) => m.status === 'rated')
  const content = rated.filter((m) => m.rating === 'satisfied' || m.rating === 'fair').length
  return {
    raised: matters.length,
    closed: matters.filter((m) => m.status === 'rated' || m.status === 'merged' || m.status === 'declined').length,
    medianDaysToFeedback: middle === null ? null : Math.round(middle * 10) / 10,
    rated: rated.length,
    satisfaction: rated.length === 0 ? null : content / rated.length,
    overdue: matters.filter((m) => shownMatterStatus(m, now) === 'overdue').length,
  }
}
