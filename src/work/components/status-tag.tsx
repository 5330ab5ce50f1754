import { Text } from '@tarojs/components'
import type { AppealStatus, RecordStatus } from '../../core/contracts/score'
import './status-tag.css'

const LABELS: Record<RecordStatus | AppealStatus, { text: string; tone: 'done' | 'wait' | 'no' }> = {
  applied: { text: '已记分', tone: 'done' },
  pending: { text: '待审核', tone: 'wait' },
  rejected: { text: '未通过', tone: 'no' },
  upheld: { text: '维持扣分', tone: 'no' },
  overturned: { text: '已撤销扣分', tone: 'done' },
}

/** The status of a score, claim or appeal as a coloured word. */
export function StatusTag({ status }: { status: RecordStatus | AppealStatus }) {
  const { text, tone } = LABELS[status]
  return <Text className={`status-tag status-tag--${tone}`}>{text}</Text>
}
