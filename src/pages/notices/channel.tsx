import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { noticeChannel } from '../../api/notice'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { NoticeCard } from '../../components/notice/notice-card'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import { NeedsLink } from '../../components/needs-link'
import './index.css'

/** One group channel (router param orgId): its notices, neighbours masked, newest first. */
export default function ChannelPage() {
  const linked = Boolean(useRouter().params.orgId)
  return linked ? <Channel /> : <NeedsLink sentence="要看哪个组的通报？请从「整改通报」里选一个组。" />
}

function Channel() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId ?? ''
  const { state, reload } = useEnvelope(() => noticeChannel(orgId), [orgId])
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const pageSize = elder.pageSize(20)
  const [pages, setPages] = useState(1)
  const limit = pageSize * pages
  return (
    <View className={`screen notices ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="section-title">{data.channel.name}的整改通报</Text>
            {data.notices.length === 0 && <Text className="plain-text notices__empty">这个组现在没有要整改的问题。</Text>}
            {data.notices.slice(0, limit).map((notice) => (
              <NoticeCard
                key={notice.id}
                notice={notice}
                onOpen={() => void Taro.navigateTo({ url: `/pages/notices/detail?id=${notice.id}` })}
              />
            ))}
            {data.notices.length > limit && (
              <BigButton kind="plain" onClick={() => setPages((n) => n + 1)}>
                再看较早的（还有 {data.notices.length - limit} 条）
              </BigButton>
            )}
            <BigButton kind="plain" onClick={reload}>
              刷新
            </BigButton>
          </View>
        )}
      </Loaded>
    </View>
  )
}
