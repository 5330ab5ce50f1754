import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { noticeChannels } from '../../api/notice'
import { Loaded } from '../../components/loaded'
import { MessagesEntry } from '../../components/notice/messages-entry'
import type { ChannelSummary } from '../../core/contracts/notice'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import './index.css'

/** 整改通报: the group channels of my village, each with how many notices wait, are overdue, were rectified. */
export default function NoticesPage() {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => noticeChannels(), [])
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  return (
    <View className={`screen notices ${elder.rootClass}`}>
      <MessagesEntry />
      <Text className="section-title">本村各组的通报</Text>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {data.length === 0 && <Text className="plain-text">本村还没有分组的通报群。</Text>}
            {data.map((channel) => <ChannelRow key={channel.id} channel={channel} />)}
          </>
        )}
      </Loaded>
    </View>
  )
}

function ChannelRow({ channel }: { channel: ChannelSummary }) {
  const open = () => void Taro.navigateTo({ url: `/pages/notices/channel?orgId=${encodeURIComponent(channel.id)}` })
  return (
    <View className="card notices__channel" hoverClass="big-button--pressed" onClick={open}>
      <Text className="notices__channel-name">{channel.name}</Text>
      <View className="notices__counts">
        <Text className="notices__count notices__count--open">待整改 {channel.open}</Text>
        <Text className={`notices__count ${channel.overdue > 0 ? 'notices__count--overdue' : ''}`}>逾期 {channel.overdue}</Text>
        <Text className="notices__count notices__count--done">已整改 {channel.rectified}</Text>
      </View>
    </View>
  )
}
