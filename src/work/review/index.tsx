import { Text, View } from '@tarojs/components'
import { decideAppeal, decideScore, pendingWork } from '../../api/staff-scoring'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { AppealView } from '../../core/contracts/score'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { DecisionPanel } from '../components/decision-panel'
import { PointsText } from '../../components/points-text'
import { RecordCard } from '../components/record-card'
import { WithScope } from '../../components/with-scope'
import './index.css'

/**
 * 待我审核 (router param orgId): scores and villagers' claims waiting for approval, and appeals
 * against deductions. The server refuses a decision on one's own submission; its message shows.
 */
export default function ReviewPage() {
  return (
    <WithScope permission="decideScores" kinds={['village', 'community']} question="审核哪个村的？">
      {(orgId) => <Review orgId={orgId} />}
    </WithScope>
  )
}

function Review({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => pendingWork(orgId), [orgId])
  return (
    <View className={`screen ${elder.rootClass} review`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="section-title">待审核的评分和申报（{data.records.length}）</Text>
            {data.records.length === 0 && <Text className="plain-text review__empty">没有要审核的评分和申报。</Text>}
            {data.records.map((record) => (
              <RecordCard key={record.id} record={record}>
                <DecisionPanel
                  noteLabel="审核意见（可以不写，不通过时请写明原因）"
                  actions={[
                    { key: 'approve', label: '通过', kind: 'primary', question: '确定通过？通过后积分记入这户。', doneText: '已通过，积分已记入' },
                    { key: 'reject', label: '不通过', kind: 'plain', question: '确定不通过？这户的积分不会变。', doneText: '已处理：不通过' },
                  ]}
                  run={(key, note, requestId) =>
                    decideScore({ requestId, recordId: record.id, approve: key === 'approve', ...(note ? { note } : {}) })
                  }
                />
              </RecordCard>
            ))}
            <Text className="section-title">待处理的申诉（{data.appeals.length}）</Text>
            {data.appeals.length === 0 && <Text className="plain-text review__empty">没有要处理的申诉。</Text>}
            {data.appeals.map((appeal) => (
              <AppealCard key={appeal.id} appeal={appeal} />
            ))}
            <BigButton kind="plain" onClick={reload}>
              刷新
            </BigButton>
          </View>
        )}
      </Loaded>
    </View>
  )
}

function AppealCard({ appeal }: { appeal: AppealView }) {
  return (
    <View className="card">
      <Text className="review__name">{appeal.householdName} 申诉</Text>
      <View className="review__rule">
        <Text className="review__rule-title">{appeal.ruleTitle ?? '扣分'}</Text>
        <PointsText points={appeal.points} size="normal" />
      </View>
      <Text className="plain-text">申诉理由：{appeal.reason}</Text>
      <Text className="muted-text">{formatLocalTime(appeal.createdAt)}</Text>
      <DecisionPanel
        noteLabel="处理意见（会告诉村民）"
        actions={[
          { key: 'uphold', label: '维持扣分', kind: 'plain', question: '确定维持扣分？', doneText: '已处理：维持扣分' },
          { key: 'overturn', label: '撤销扣分', kind: 'primary', question: '确定撤销扣分？扣掉的分会加回给这户。', doneText: '已撤销扣分，分已加回' },
        ]}
        run={(key, note, requestId) =>
          decideAppeal({ requestId, appealId: appeal.id, overturn: key === 'overturn', ...(note ? { note } : {}) })
        }
      />
    </View>
  )
}
