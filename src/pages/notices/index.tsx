import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { myNotices, noticeChannels } from '../../api/notice'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { MessagesEntry } from '../../components/notice/messages-entry'
import { NoticeCard } from '../../components/notice/notice-card'
import type { ChannelSummary, NoticeView } from '../../core/contracts/notice'
import { MEMBER_WORDS, type MemberKind } from '../../core/member-kind'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import { useWhoAmI } from '../../hooks/use-whoami'
import './index.css'

/**
 * 整改通报: a household member's own notices first (我家的通报: what is still to fix or to be checked,
 * each one tap from its proof), then the group channels of my village, each with how many notices
 * wait, are overdue, were rectified.
 */
export default function NoticesPage() {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => noticeChannels(), [])
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const me = useWhoAmI()
  const who = me.state.status === 'ok' && me.state.data.registered ? me.state.data : null
  // A merchant's owner with no household of a village has his shop's notices and no village's groups.
  const ownKind: MemberKind | null = who?.household ? 'household' : who?.merchant ? 'merchant' : null
  return (
    <View className={`screen notices ${elder.rootClass}`}>
      <MessagesEntry />
      {ownKind && <MyNotices kind={ownKind} />}
      {ownKind !== 'merchant' && (
        <>
          <Text className="section-title">本村各组的通报</Text>
          <Loaded state={state} onRetry={reload}>
            {(data) => (
              <>
                {data.length === 0 && <Text className="plain-text">本村还没有分组的通报群。</Text>}
                {data.map((channel) => <ChannelRow key={channel.id} channel={channel} />)}
              </>
            )}
          </Loaded>
        </>
      )}
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

/** 我家的通报 (or 我店的通报): the member's notices not yet rectified, 待整改 with 去整改. */
function MyNotices({ kind }: { kind: MemberKind }) {
  const { state, reload } = useEnvelope(() => myNotices(), [])
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const open = (notice: NoticeView) => void Taro.navigateTo({ url: `/pages/notices/detail?id=${notice.id}` })
  return (
    <>
      <Text className="section-title">{kind === 'household' ? '我家的通报' : '我店的通报'}</Text>
      <Loaded state={state} onRetry={reload}>
        {(notices) => {
          const waiting = notices.filter((n) => n.status === 'open' || n.status === 'overdue' || n.status === 'proof_submitted')
          if (waiting.length === 0) return <Text className="plain-text notices__empty">{MEMBER_WORDS[kind].mine}现在没有要整改的通报。</Text>
          return (
            <>
              {waiting.map((notice) => (
                <NoticeCard key={notice.id} notice={notice} onOpen={() => open(notice)}>
                  {notice.status === 'open' && <BigButton onClick={() => open(notice)}>去整改</BigButton>}
                  {notice.status !== 'open' && (
                    <BigButton kind="plain" onClick={() => open(notice)}>
                      查看
                    </BigButton>
                  )}
                </NoticeCard>
              ))}
            </>
          )
        }}
      </Loaded>
    </>
  )
}
