import type { AppealStatus, RecordStatus } from '../../core/contracts/score'
import { StatusTag as ToneTag } from '../../components/villager/status-tag'

const LABELS: Record<RecordStatus | AppealStatus, { text: string; tone: 'good' | 'wait' | 'bad' }> = {
  applied: { text: '已记分', tone: 'good' },
  pending: { text: '待审核', tone: 'wait' },
  rejected: { text: '未通过', tone: 'bad' },
  upheld: { text: '维持扣分', tone: 'bad' },
  overturned: { text: '已撤销扣分', tone: 'good' },
}

/** The status of a score, claim or appeal as a coloured word (the app's one status tag). */
export function StatusTag({ status }: { status: RecordStatus | AppealStatus }) {
  return <ToneTag {...LABELS[status]} />
}
