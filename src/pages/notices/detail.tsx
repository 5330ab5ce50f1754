import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { noticeDetail } from '../../api/notice'
import { askNoticeSubscription, noticeSubscriptionPossible } from '../../api/subscribe'
import { BigButton } from '../../components/big-button'
import { ErrorView } from '../../components/error-view'
import { LoadingView } from '../../components/loading-view'
import { NoticeCard } from '../../components/notice/notice-card'
import { PhotoThumbs } from '../../components/photo-thumbs'
import type { NoticeView } from '../../core/contracts/notice'
import { MEMBER_WORDS } from '../../core/member-kind'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { ProofForm } from './proof-form'
import { NeedsLink } from '../../components/needs-link'
import './index.css'

/** One notice (router param id; 我的消息 links here). My own household sees it in full and can submit proof or appeal. */
export default function NoticeDetailPage() {
  const linked = Boolean(useRouter().params.id)
  return linked ? <NoticeDetail /> : <NeedsLink sentence="要看哪一条整改通报？请从「整改通报」里点开一条。" />
}

function NoticeDetail() {
  const elder = useElderMode()
  const id = Number(useRouter().params.id ?? 0)
  const { state, reload } = useEnvelope(() => noticeDetail(id), [id])
  const [submitted, setSubmitted] = useState<NoticeView | null>(null)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const notice = submitted ?? (state.status === 'ok' ? state.data : null)
  return (
    <View className={`screen notices ${elder.rootClass}`}>
      {state.status === 'loading' && <LoadingView />}
      {state.status === 'error' && <ErrorView error={state.error} onRetry={reload} />}
      {notice && <NoticeCard notice={notice} />}
      {notice?.mine && <OwnNotice notice={notice} onSubmitted={setSubmitted} />}
    </View>
  )
}

function OwnNotice({ notice, onSubmitted }: { notice: NoticeView; onSubmitted: (notice: NoticeView) => void }) {
  const words = MEMBER_WORDS[notice.memberKind]
  const waiting = notice.status === 'open' || notice.status === 'proof_submitted' || notice.status === 'overdue'
  return (
    <View>
      <View className="card">
        <Text className="plain-text">通报时间：{formatLocalTime(notice.openedAt)}</Text>
        <Text className="plain-text">扣了 {notice.points} 分，整改核验通过后加回来。</Text>
        {notice.status === 'open' && notice.rejectionReason && (
          <Text className="notices__reason">上次整改没有通过：{notice.rejectionReason}</Text>
        )}
        {notice.status === 'overdue' && <Text className="notices__problem">已经过了整改期限。请联系{words.keeper}延期后再提交整改。</Text>}
        {notice.status === 'rectified' && notice.rectifiedAt && (
          <Text className="plain-text">{formatLocalTime(notice.rectifiedAt)} 核验通过，{notice.points} 分已经加回。</Text>
        )}
      </View>
      {notice.proof && (notice.proof.photos.length > 0 || notice.proof.photosInCheck > 0 || notice.proof.photoNote) && (
        <View className="card">
          <Text className="section-title">{notice.status === 'proof_submitted' ? `已提交整改，等${words.checker}核验` : `${words.mine}提交的整改`}</Text>
          {notice.proof.at && <Text className="muted-text">提交时间：{formatLocalTime(notice.proof.at)}</Text>}
          {notice.proof.note && <Text className="plain-text">说明：{notice.proof.note}</Text>}
          <PhotoThumbs photos={notice.proof.photos} inCheck={notice.proof.photosInCheck} note={notice.proof.photoNote} />
        </View>
      )}
      {notice.status === 'open' && <ProofForm key={notice.rejectionReason} notice={notice} onSubmitted={onSubmitted} />}
      {waiting && noticeSubscriptionPossible && (
        <BigButton kind="plain" onClick={() => void askNoticeSubscription()}>
          核验结果用微信通知我
        </BigButton>
      )}
      {waiting && notice.deductionEntryId !== null && (
        <BigButton kind="plain" onClick={() => openAppeal(notice)}>
          觉得扣分不对？申诉
        </BigButton>
      )}
    </View>
  )
}

/** The points appeal flow, for the deduction behind this notice. */
function openAppeal(notice: NoticeView) {
  const query = [
    `entryId=${notice.deductionEntryId}`,
    `title=${encodeURIComponent(notice.rule?.title ?? notice.problem)}`,
    `points=${-notice.points}`,
    `at=${encodeURIComponent(notice.openedAt)}`,
  ].join('&')
  void Taro.navigateTo({ url: `/pages/appeal/index?${query}` })
}
