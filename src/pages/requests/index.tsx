import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { myRequests } from '../../api/villager-requests'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { PointsText } from '../../components/points-text'
import { StatusTag } from '../../components/villager/status-tag'
import { APPEAL_TONES, CLAIM_TONES } from '../../components/villager/status-tones'
import type { AppealView, ScoreRecordView } from '../../core/contracts/score'
import { formatLocalTime } from '../../core/period'
import { APPEAL_LABELS, CLAIM_STATUS_LABELS } from '../../core/villager-labels'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import './index.css'

function ClaimItem({ record }: { record: ScoreRecordView }) {
  return (
    <View className="card request-item">
      <View className="request-item__top">
        <Text className="request-item__date">{formatLocalTime(record.createdAt)}</Text>
        <StatusTag text={CLAIM_STATUS_LABELS[record.status]} tone={CLAIM_TONES[record.status]} />
      </View>
      <Text className="request-item__title">{record.rule.title}</Text>
      <Text className="request-item__line">
        <PointsText points={record.points} /> 分
      </Text>
      <PhotoThumbs photos={record.photos} inCheck={record.photosInCheck} note={record.photoNote} />
      {record.note !== '' && <Text className="request-item__line">我写的说明：{record.note}</Text>}
      {record.decisionNote !== '' && <Text className="request-item__answer">村干部说明：{record.decisionNote}</Text>}
    </View>
  )
}

function AppealItem({ appeal }: { appeal: AppealView }) {
  return (
    <View className="card request-item">
      <View className="request-item__top">
        <Text className="request-item__date">{formatLocalTime(appeal.createdAt)}</Text>
        <StatusTag text={APPEAL_LABELS[appeal.status].tag} tone={APPEAL_TONES[appeal.status]} />
      </View>
      <Text className="request-item__title">{appeal.ruleTitle ?? '扣分'}</Text>
      <Text className="request-item__line">
        <PointsText points={appeal.points} /> 分
      </Text>
      <Text className="request-item__line">我的理由：{appeal.reason}</Text>
      {appeal.decisionNote !== '' && <Text className="request-item__answer">村干部说明：{appeal.decisionNote}</Text>}
    </View>
  )
}

/** 我的申报和申诉: the household's claims (待审核/已通过/未通过) and appeals, with the cadre's answers. */
export default function RequestsPage() {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(myRequests, [])
  useReloadOnReturn(reload)
  return (
    <View className={`screen requests ${elder.rootClass}`}>
      <BigButton onClick={() => void Taro.navigateTo({ url: '/pages/claim/index' })}>我要申报</BigButton>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="section-title">我的申报（{data.claims.length}）</Text>
            {data.claims.length === 0 && <Text className="muted-text requests__empty">还没有申报过。</Text>}
            {data.claims.map((record) => (
              <ClaimItem key={record.id} record={record} />
            ))}
            <Text className="section-title">我的申诉（{data.appeals.length}）</Text>
            {data.appeals.length === 0 && <Text className="muted-text requests__empty">还没有申诉过。</Text>}
            {data.appeals.map((appeal) => (
              <AppealItem key={appeal.id} appeal={appeal} />
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}
