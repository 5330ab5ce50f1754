import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { extendNotice } from '../../api/notice-work'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import '../components/decision-panel.css'

const CHOICES = [3, 7]

/**
 * 延期 an overdue notice by a few days: pick, confirm. The requestId is made when the confirm step
 * opens and kept while the user retries.
 */
export function ExtendPanel({ noticeId }: { noticeId: number }) {
  const [chosen, setChosen] = useState<{ days: number; requestId: string } | null>(null)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const send = async () => {
    if (!chosen || sending) return
    setSending(true)
    setError(null)
    const envelope = await extendNotice({ requestId: chosen.requestId, noticeId, days: chosen.days })
    setSending(false)
    if (envelope.ok) setDone(`已延期 ${chosen.days} 天`)
    else setError(envelope.error.message)
  }

  if (done) return <Text className="decision-panel__done">{done}</Text>
  if (!chosen) {
    return (
      <View className="decision-panel__actions">
        {CHOICES.map((days) => (
          <View key={days} className="decision-panel__action">
            <BigButton kind={days === CHOICES[0] ? 'primary' : 'plain'} onClick={() => setChosen({ days, requestId: newRequestId() })}>
              延期 {days} 天
            </BigButton>
          </View>
        ))}
      </View>
    )
  }
  return (
    <View className="decision-panel">
      <Text className="decision-panel__question">确定把整改期限延到 {chosen.days} 天后？</Text>
      {error && <Text className="decision-panel__error">{error}</Text>}
      <BigButton onClick={() => void send()}>{sending ? '正在提交…' : error ? '重试' : '确定延期'}</BigButton>
      <BigButton
        kind="plain"
        onClick={() => {
          setChosen(null)
          setError(null)
        }}
      >
        返回
      </BigButton>
    </View>
  )
}
