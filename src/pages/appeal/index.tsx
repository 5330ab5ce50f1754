import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { appeal } from '../../api/villager-requests'
import { BigButton } from '../../components/big-button'
import { PointsText } from '../../components/points-text'
import { StatusTag } from '../../components/villager/status-tag'
import { APPEAL_TONES } from '../../components/villager/status-tones'
import type { AppealView } from '../../core/contracts/score'
import { formatLocalTime } from '../../core/period'
import { APPEAL_LABELS } from '../../core/villager-labels'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { NeedsLink } from '../../components/needs-link'
import './index.css'

/** Router params arrive encoded in the mini-program and decoded in H5; decoding twice is harmless here. */
function param(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

const MIN_REASON = 2
const MAX_REASON = 200

/** 扣分申诉: why the household thinks a deduction (router params entryId, title, points, at) is wrong. */
export default function AppealPage() {
  const linked = Boolean(useRouter().params.entryId)
  return linked ? <Appeal /> : <NeedsLink sentence="要申诉哪一笔扣分？请到「积分明细」里，在那一笔下面点「申诉」。" />
}

function Appeal() {
  const elder = useElderMode()
  const params = useRouter().params
  const entryId = Number(params.entryId)
  const title = param(params.title)
  const points = Number(params.points ?? 0)
  const at = param(params.at) || null

  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [filed, setFiled] = useState<AppealView | null>(null)
  const intent = useIntentRequestId()

  const send = async () => {
    const text = reason.trim()
    if (text.length < MIN_REASON) {
      setProblem(`请写明理由，至少 ${MIN_REASON} 个字`)
      return
    }
    if (sending) return
    setProblem(null)
    setSending(true)
    const envelope = await appeal({ requestId: intent.idFor({ entryId, text }), entryId, reason: text })
    setSending(false)
    if (envelope.ok) {
      intent.done()
      setFiled(envelope.data)
    } else {
      setProblem(envelope.error.message)
    }
  }

  return (
    <View className={`screen appeal ${elder.rootClass}`}>
      <View className="card">
        <Text className="section-title">对这笔扣分申诉</Text>
        <Text className="appeal__title">{title}</Text>
        <View className="appeal__points">
          <PointsText points={points} className="appeal__points-value" />
          <Text className="appeal__unit">分</Text>
        </View>
        {at && <Text className="muted-text">{formatLocalTime(at)}</Text>}
      </View>

      {filed ? (
        <View className="card appeal__done">
          <Text className="section-title">申诉已提交</Text>
          <View className="appeal__status">
            <Text className="plain-text appeal__status-label">状态：</Text>
            <StatusTag text={APPEAL_LABELS[filed.status].tag} tone={APPEAL_TONES[filed.status]} />
          </View>
          <Text className="muted-text">村干部会看您写的理由。处理后，在积分明细和“我的申报和申诉”里能看到结果。</Text>
          <Text className="appeal__reason-shown">您写的理由：{filed.reason}</Text>
          <BigButton onClick={() => void Taro.navigateBack()}>返回积分明细</BigButton>
        </View>
      ) : (
        <View className="card">
          <Text className="section-title">申诉理由</Text>
          <Textarea
            className="appeal__reason"
            value={reason}
            maxlength={MAX_REASON}
            placeholder="请写明为什么觉得这笔扣分不对（2 到 200 个字）"
            onInput={(event) => setReason(event.detail.value)}
          />
          <Text className="appeal__count">
            {Array.from(reason.trim()).length} / {MAX_REASON} 字
          </Text>
          {problem && <Text className="appeal__problem">{problem}</Text>}
          <BigButton onClick={() => void send()}>{sending ? '正在提交…' : '提交申诉'}</BigButton>
        </View>
      )}
    </View>
  )
}
