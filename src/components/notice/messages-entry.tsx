import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { myMessages } from '../../api/notice'
import { useEnvelope } from '../../hooks/use-envelope'
import { BigButton } from '../big-button'

/** 我的消息 with the number not read yet (asked again each time the page shows). */
export function MessagesEntry() {
  const { state, reload } = useEnvelope(() => myMessages(), [])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const unread = state.status === 'ok' ? state.data.unread : 0
  return (
    <BigButton kind={unread > 0 ? 'primary' : 'plain'} onClick={() => void Taro.navigateTo({ url: '/pages/notices/messages' })}>
      {unread > 0 ? `我的消息（${unread} 条未读）` : '我的消息'}
    </BigButton>
  )
}
