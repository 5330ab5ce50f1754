import type { RecordStatus } from '../../core/contracts/score'
import { StatusTag as ToneTag } from '../../components/villager/status-tag'

const LABELS: Record<RecordStatus, { text: string; tone: 'good' | 'wait' | 'bad' }> = {
  applied: { text: '已记分', tone: 'good' },
  pending: { text: '待审核', tone: 'wait' },
  rejected: { text: '未通过', tone: 'bad' },
}

/** The status of a score or claim as a coloured word (the app's one status tag). */
export function StatusTag({ status }: { status: RecordStatus }) {
  return <ToneTag {...LABELS[status]} />
}
