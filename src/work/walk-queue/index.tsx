import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { sendWaitingWalks } from '../../api/walk-store'
import { BigButton } from '../../components/big-button'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useWaitingWalks } from '../../hooks/use-waiting-walks'
import { QueuedWalkCard } from '../components/queued-walk-card'

/** 待上传: the inspection walks kept on this phone, 现在上传, and what the server refused with what to do. */
export default function WalkQueuePage() {
  const elder = useElderMode()
  const walks = useWaitingWalks()
  const [sending, setSending] = useState<'idle' | 'sending' | 'offline' | 'done'>('idle')

  const send = async () => {
    setSending('sending')
    const report = await sendWaitingWalks()
    setSending(report.offline ? 'offline' : 'done')
  }

  return (
    <View className={`screen ${elder.rootClass}`}>
      {walks.length === 0 ? (
        <Text className="plain-text">手机里没有待上传的评分，都已经上传了。</Text>
      ) : (
        <View>
          <Text className="section-title">还有 {walks.length} 次评分在手机里</Text>
          {sending === 'offline' && <Text className="plain-text">现在没有信号，有网以后会自动上传。</Text>}
          <BigButton onClick={() => void send()}>{sending === 'sending' ? '正在上传，请稍等…' : '现在上传'}</BigButton>
          {walks.map((walk) => (
            <QueuedWalkCard key={walk.requestId} walk={walk} />
          ))}
        </View>
      )}
    </View>
  )
}
