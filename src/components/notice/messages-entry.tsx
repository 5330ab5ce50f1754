import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { myMessages } from '../../api/messages'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import { BigButton } from '../big-button'

/** 我的消息 with the number not read yet (asked again each time the page shows). */
export function MessagesEntry() {
  const { state, reload } = useEnvelope(() => myMessages(), [])
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const unread = state.status === 'ok' ? state.data.unread : 0
  return (
    <BigButton kind={unread > 0 ? 'primary' : 'plain'} onClick={() => void Taro.navigateTo({ url: '/pages/notices/messages' })}>
      {unread > 0 ? `我的消息（${unread} 条未读）` : '我的消息'}
    </BigButton>
  )
}
