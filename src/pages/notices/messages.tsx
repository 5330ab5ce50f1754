import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { markMessagesRead, myMessages } from '../../api/messages'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { MessageView } from '../../core/contracts/notice'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import './index.css'

/** 我的消息: what the app told my household (a notice opened, proof accepted or sent back), newest first. */
export default function MessagesPage() {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => myMessages(), [])
  const [older, setOlder] = useState<MessageView[]>([])
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null)
  const [read, setRead] = useState<Set<number>>(new Set())
  const [loadingMore, setLoadingMore] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  useEffect(() => {
    setOlder([])
    setRead(new Set())
    setNextBeforeId(state.status === 'ok' ? state.data.nextBeforeId : null)
  }, [state])

  const messages = state.status === 'ok' ? [...state.data.messages, ...older] : []
  const isRead = (m: MessageView) => m.read || read.has(m.id)
  const unread = messages.filter((m) => !isRead(m))

  const markRead = async (ids: number[]) => {
    if (ids.length === 0) return true
    const envelope = await markMessagesRead(newRequestId(), ids)
    if (envelope.ok) setRead((set) => new Set([...set, ...ids]))
    else setProblem(envelope.error.message)
    return envelope.ok
  }

  const open = (message: MessageView) => {
    if (!isRead(message)) void markRead([message.id])
    if (message.page) void Taro.navigateTo({ url: `/${message.page.replace(/^\//, '')}` })
  }

  const more = async () => {
    if (nextBeforeId === null || loadingMore) return
    setLoadingMore(true)
    const envelope = await myMessages(nextBeforeId)
    setLoadingMore(false)
    if (envelope.ok) {
      setOlder((list) => [...list, ...envelope.data.messages])
      setNextBeforeId(envelope.data.nextBeforeId)
    } else {
      setProblem(envelope.error.message)
    }
  }

  return (
    <View className={`screen notices ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {() => (
          <View>
            <Text className="section-title">{unread.length > 0 ? `${unread.length} 条没看过` : '消息都看过了'}</Text>
            {messages.length === 0 && <Text className="plain-text notices__empty">还没有消息。村里发整改通报、核验整改时，会在这里告诉您。</Text>}
            {messages.map((message) => (
              <View
                key={message.id}
                className={`card notices__message ${isRead(message) ? '' : 'notices__message--unread'}`}
                hoverClass="big-button--pressed"
                onClick={() => open(message)}
              >
                <Text className="notices__message-title">
                  {isRead(message) ? '' : '● '}
                  {message.title}
                </Text>
                <Text className="plain-text">{message.body}</Text>
                <Text className="notices__message-time">{formatLocalTime(message.createdAt)}</Text>
                {message.page && <Text className="notices__message-open">点这里查看 ›</Text>}
              </View>
            ))}
            {problem && <Text className="notices__problem">{problem}</Text>}
            {nextBeforeId !== null && (
              <BigButton kind="plain" onClick={() => void more()}>
                {loadingMore ? '正在加载…' : '更早的消息'}
              </BigButton>
            )}
            {unread.length > 0 && (
              <BigButton kind="plain" onClick={() => void markRead(unread.map((m) => m.id).slice(0, 100))}>
                全部标为已看
              </BigButton>
            )}
          </View>
        )}
      </Loaded>
    </View>
  )
}
