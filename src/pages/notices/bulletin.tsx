import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { openBulletinFromGroup, readBulletin } from '../../api/notice'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { NoticeCard } from '../../components/notice/notice-card'
import type { Envelope } from '../../core/contracts/envelope'
import type { BulletinView } from '../../core/contracts/notice'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { BulletinPoster } from './bulletin-poster'
import { NeedsLink } from '../../components/needs-link'
import { PrivacyPopup } from '../../components/privacy-popup'
import './index.css'

/** Opened from a group chat's share card (scene 1044). */
const SCENE_GROUP_CARD = 1044
/** Errors after which the page shows only a plain sentence: the card was opened where it does not belong. */
const PRIVATE_ERRORS = ['FOREIGN_GROUP', 'FORBIDDEN']

function bulletinPath(id: number): string {
  return `/pages/notices/bulletin?id=${id}`
}

/**
 * The group's ticket when the page was opened from a WeChat group: in the mini-program the cloudID
 * of wx.getGroupEnterInfo (wx.getShareInfo is no longer maintained); in the H5 demo a `group`
 * router param ("local-group:<name>", which the local gateway accepts). Null otherwise.
 */
async function groupTicket(groupParam: string | undefined): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp') return groupParam ? decodeURIComponent(groupParam) : null
  if (Taro.getEnterOptionsSync().scene !== SCENE_GROUP_CARD) return null
  return new Promise((resolve) => {
    void Taro.getGroupEnterInfo({ success: (info) => resolve(info.cloudID ?? null), fail: () => resolve(null) })
  })
}

/**
 * 整改通报 (router params id, and in the H5 demo group): the 通报 a cadre posted, the page a share
 * card opens. Opened from a group, the group is recorded as the village's; a group of another
 * village, or a reader from outside, sees a plain sentence and nothing private.
 */
export default function BulletinPage() {
  const linked = Boolean(useRouter().params.id)
  return linked ? <Bulletin /> : <NeedsLink sentence="要看哪一期通报？请从村里发到群里的通报打开。" />
}

function Bulletin() {
  const elder = useElderMode()
  const params = useRouter().params
  const id = Number(params.id ?? 0)
  // One intent per page visit: a retry after a lost answer resends the same requestId.
  const requestId = useRef(newRequestId())
  const { state, reload } = useEnvelope(async (): Promise<Envelope<BulletinView>> => {
    const cloudId = await groupTicket(params.group)
    return cloudId ? openBulletinFromGroup({ requestId: requestId.current, bulletinId: id, cloudId }) : readBulletin(id)
  }, [id, params.group])
  useEffect(() => onDemoIdentityChange(reload), [reload])

  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true })
  }, [])
  useShareAppMessage(() => ({
    title: state.status === 'ok' ? state.data.title : '整改通报',
    path: bulletinPath(id),
  }))

  const copyLink = () => {
    const url = `${window.location.origin}${window.location.pathname}#${bulletinPath(id)}`
    void Taro.setClipboardData({ data: url })
  }

  return (
    <View className={`screen notices ${elder.rootClass}`}>
      <PrivacyPopup />
      <Loaded
        state={state}
        onRetry={reload}
        errorView={(error, standard) =>
          PRIVATE_ERRORS.includes(error.code) ? (
            <View className="card">
              <Text className="section-title">看不了这期通报</Text>
              <Text className="plain-text">这期通报只给本村的村民和村干部看。如果您是本村的，请先在“善治积分”里绑定自己家。</Text>
            </View>
          ) : (
            standard
          )
        }
      >
        {(data) => (
          <View>
            <View className="card">
              <Text className="notices__bulletin-title">{data.title}</Text>
              <Text className="muted-text">
                {data.village} · {formatLocalTime(data.postedAt)} · 共 {data.notices.length} 户
              </Text>
            </View>
            {data.notices.map((notice) => (
              <NoticeCard
                key={notice.id}
                notice={notice}
                onOpen={() => void Taro.navigateTo({ url: `/pages/notices/detail?id=${notice.id}` })}
              />
            ))}
            {process.env.TARO_ENV === 'weapp' ? (
              <Button className="big-button big-button--primary" openType="share">
                分享到村民群
              </Button>
            ) : (
              <BigButton onClick={copyLink}>复制链接</BigButton>
            )}
            <BulletinPoster bulletin={data} />
          </View>
        )}
      </Loaded>
    </View>
  )
}
