import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { submitScore } from '../../api/score'
import { BigButton } from '../../components/big-button'
import type { HouseholdView } from '../../core/contracts/account'
import type { RuleView, SubmitResult } from '../../core/contracts/score'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { PointsText } from '../../components/points-text'
import { StatusTag } from '../components/status-tag'

type Props = {
  /** Made when this step opened; every retry sends it again, so the walk is scored at most once. */
  requestId: string
  households: HouseholdView[]
  rule: RuleView
  photos: string[]
  note: string
  onBack: () => void
  onSubmitted: () => void
  onStartOver: () => void
}

type Sending = { status: 'idle' } | { status: 'sending' } | { status: 'failed'; message: string } | { status: 'done'; result: SubmitResult }

/** Step 4: everything once more, one 提交 for all households, then each household's result. */
export function ConfirmStep({ requestId, households, rule, photos, note, onBack, onSubmitted, onStartOver }: Props) {
  const [sending, setSending] = useState<Sending>({ status: 'idle' })

  const submit = async () => {
    if (sending.status === 'sending' || sending.status === 'done') return
    setSending({ status: 'sending' })
    const trimmed = note.trim()
    const envelope = await submitScore({
      requestId,
      householdIds: households.map((h) => h.id),
      ruleId: rule.id,
      ...(trimmed ? { note: trimmed } : {}),
      ...(photos.length > 0 ? { photos } : {}),
    })
    setSending(envelope.ok ? { status: 'done', result: envelope.data } : { status: 'failed', message: envelope.error.message })
    if (envelope.ok) onSubmitted()
  }

  if (sending.status === 'done') return <SubmitResultView result={sending.result} onStartOver={onStartOver} />

  return (
    <View>
      <View className="card">
        <Text className="section-title">细则</Text>
        <View className="inspect__rule-summary">
          <Text className="inspect__rule-title">{rule.title}</Text>
          <PointsText points={rule.points} size="large" />
        </View>
        <Text className="plain-text">每户 {rule.points < 0 ? '扣' : '加'} {Math.abs(rule.points)} 分</Text>
      </View>
      <View className="card">
        <Text className="section-title">农户（{households.length} 户）</Text>
        {households.map((household) => (
          <Text key={household.id} className="inspect__confirm-line">
            {household.name}　门牌 {household.houseNo}
          </Text>
        ))}
      </View>
      <View className="card">
        <Text className="section-title">照片 {photos.length} 张</Text>
        <PhotoThumbs photos={photos} />
        <Text className="plain-text">说明：{note.trim() || '没有写'}</Text>
      </View>
      {sending.status === 'failed' && (
        <View className="card inspect__failure">
          <Text className="inspect__failure-text">没有提交成功：{sending.message}</Text>
        </View>
      )}
      <BigButton onClick={() => void submit()}>
        {sending.status === 'sending' ? '正在提交，请稍等…' : sending.status === 'failed' ? '重试提交' : `确认提交（${households.length} 户）`}
      </BigButton>
      {sending.status !== 'sending' && (
        <BigButton kind="plain" onClick={onBack}>
          上一步：修改照片和说明
        </BigButton>
      )}
    </View>
  )
}

function SubmitResultView({ result, onStartOver }: { result: SubmitResult; onStartOver: () => void }) {
  const pending = result.results.some((r) => r.status === 'pending')
  return (
    <View>
      <View className="card inspect__done">
        <Text className="inspect__done-title">已提交 {result.results.length} 户</Text>
        <View className="inspect__rule-summary">
          <Text className="inspect__rule-title">{result.rule.title}</Text>
          <PointsText points={result.rule.points} size="normal" />
        </View>
        {pending && <Text className="muted-text">待审核的要等村干部通过后才记分。</Text>}
      </View>
      {result.results.map((row) => (
        <View key={row.householdId} className="card inspect__result">
          <View className="inspect__result-main">
            <Text className="inspect__result-name">{row.name}</Text>
            <StatusTag status={row.status} />
          </View>
          <Text className="inspect__result-balance">现在 {row.balance} 分</Text>
        </View>
      ))}
      <BigButton onClick={onStartOver}>再评下一批</BigButton>
      <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/work/inspections/index' })}>
        看我的评分记录
      </BigButton>
    </View>
  )
}
