import type { NoticeView } from '../../core/contracts/notice'
import type { ShownNoticeStatus } from '../../core/rectification'
import { StatusTag } from '../villager/status-tag'

const TONES: Record<ShownNoticeStatus, 'wait' | 'good' | 'bad' | 'plain'> = {
  open: 'wait',
  proof_submitted: 'wait',
  rectified: 'good',
  withdrawn: 'plain',
  overdue: 'bad',
}

/** The notice's status as a coloured badge (待整改, 待核验, 已整改, 已撤销, 逾期). */
export function NoticeStatusTag({ notice }: { notice: Pick<NoticeView, 'status' | 'statusLabel'> }) {
  return <StatusTag text={notice.statusLabel} tone={TONES[notice.status]} />
}

/** "已整改 · 用时 N 小时" for a rectified notice; null otherwise. */
export function rectifiedText(notice: Pick<NoticeView, 'status' | 'hoursToRectify'>): string | null {
  if (notice.status !== 'rectified' || notice.hoursToRectify === null) return null
  return notice.hoursToRectify < 1 ? '已整改 · 用时不到 1 小时' : `已整改 · 用时 ${notice.hoursToRectify} 小时`
}
