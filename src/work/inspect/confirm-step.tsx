import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { newRequestId } from '../../api/request-id'
import { keepWalk, readWalks, sendWaitingWalks } from '../../api/walk-store'
import { BigButton } from '../../components/big-button'
import type { HouseholdView } from '../../core/contracts/account'
import type { MemberWords } from '../../core/member-kind'
import type { RuleView, SubmitResult } from '../../core/contracts/score'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { PointsText } from '../../components/points-text'
import type { UploadedPhoto } from '../../hooks/use-photo-uploads'
import type { QueuedWalk } from '../../core/walk-queue'
import { QueuedWalkCard } from '../components/queued-walk-card'
import { StatusTag } from '../components/status-tag'

type Props = {
  orgId: string
  words: MemberWords
  households: HouseholdView[]
  rule: RuleView
  photos: UploadedPhoto[]
  note: string
  onBack: () => void
  /** The walk is finished: kept on the phone at the tap, applied once the server says so. */
  onFinished: (finished: 'kept' | 'applied') => void
  onStartOver: () => void
}

type Outcome = { status: 'idle' } | { status: 'sending'; requestId: string } | { status: 'waiting' | 'refused'; requestId: string } | { status: 'done'; result: SubmitResult }

/**
 * Step 4: everything once more and one 提交 for all households. The tap finishes the walk: it is kept
 * on the phone with its requestId and the time now, then sent; each household's result shows once
 * the server has it. Without signal it waits as 「待上传」 and goes up when the network is back.
 */
export function ConfirmStep({ orgId, words, households, rule, photos, note, onBack, onFinished, onStartOver }: Props) {
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' })

  const finish = async () => {
    if (outcome.status !== 'idle') return
    const walk: QueuedWalk = {
      requestId: newRequestId(),
      orgId,
      observedAt: new Date().toISOString(),
      rule: { id: rule.id, code: rule.code, title: rule.title, points: rule.points },
      households: households.map(({ id, name, tradeName, houseNo }) => ({ id, name: tradeName ?? name, houseNo })),
      note: note.trim(),
      photos,
      refusal: null,
    }
    keepWalk(walk)
    setOutcome({ status: 'sending', requestId: walk.requestId })
    onFinished('kept')
    // A sending already under way may have read the queue before this walk: then send once more.
    for (let round = 0; round < 2; round++) {
      const report = await sendWaitingWalks()
      const result = report.applied.find((r) => r.requestId === walk.requestId)
      if (result) {
        onFinished('applied')
        return setOutcome({ status: 'done', result })
      }
      const kept = readWalks().find((w) => w.requestId === walk.requestId)
      if (!kept) return setOutcome({ status: 'waiting', requestId: walk.requestId })
      if (kept.refusal) return setOutcome({ status: 'refused', requestId: walk.requestId })
      if (report.offline) break
    }
    setOutcome({ status: 'waiting', requestId: walk.requestId })
  }

  if (outcome.status === 'done') return <SubmitResultView words={words} result={outcome.result} onStartOver={onStartOver} />
  if (outcome.status === 'waiting' || outcome.status === 'refused') {
    const kept = readWalks().find((w) => w.requestId === outcome.requestId)
    return (
      <View>
        {outcome.status === 'waiting' && (
          <View className="card inspect__done">
            <Text className="inspect__done-title">已存在手机里，待上传</Text>
            <Text className="plain-text">现在没有信号。有网以后会自动上传，上传成功才算记分。</Text>
          </View>
        )}
        {kept && <QueuedWalkCard walk={kept} />}
        <BigButton onClick={onStartOver}>再评下一批</BigButton>
        <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/work/walk-queue/index' })}>
          看待上传的评分
        </BigButton>
      </View>
    )
  }

  return (
    <View>
      <View className="card">
        <Text className="section-title">细则</Text>
        <View className="inspect__rule-summary">
          <Text className="inspect__rule-title">{rule.title}</Text>
          <PointsText points={rule.points} size="large" />
        </View>
        <Text className="plain-text">每{words.counter} {rule.points < 0 ? '扣' : '加'} {Math.abs(rule.points)} 分</Text>
      </View>
      <View className="card">
        <Text className="section-title">
          {words.noun}（{households.length} {words.counter}）
        </Text>
        {households.map((household) => (
          <Text key={household.id} className="inspect__confirm-line">
            {household.tradeName ?? household.name}　{household.tradeName ? '店址' : '门牌'} {household.houseNo}
          </Text>
        ))}
      </View>
      <View className="card">
        <Text className="section-title">照片 {photos.length} 张</Text>
        <PhotoThumbs photos={photos.map((p) => p.fileId ?? p.localPath)} />
        <Text className="plain-text">说明：{note.trim() || '没有写'}</Text>
      </View>
      <BigButton onClick={() => void finish()}>
        {outcome.status === 'sending' ? '正在提交，请稍等…' : `确认提交（${households.length} ${words.counter}）`}
      </BigButton>
      {outcome.status === 'idle' && (
        <BigButton kind="plain" onClick={onBack}>
          上一步：修改照片和说明
        </BigButton>
      )}
    </View>
  )
}

function SubmitResultView({ words, result, onStartOver }: { words: MemberWords; result: SubmitResult; onStartOver: () => void }) {
  const pending = result.results.some((r) => r.status === 'pending')
  return (
    <View>
      <View className="card inspect__done">
        <Text className="inspect__done-title">已提交 {result.results.length} {words.counter}</Text>
        <View className="inspect__rule-summary">
          <Text className="inspect__rule-title">{result.rule.title}</Text>
          <PointsText points={result.rule.points} size="normal" />
        </View>
        {pending && <Text className="muted-text">待审核的要等{words.keeper}通过后才记分。</Text>}
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
