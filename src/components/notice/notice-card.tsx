import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { NoticeView } from '../../core/contracts/notice'
import { MEMBER_WORDS } from '../../core/member-kind'
import { formatLocalTime } from '../../core/period'
import { PhotoThumbs } from '../photo-thumbs'
import { NoticeStatusTag, rectifiedText } from './notice-status'
import './notice-card.css'

type Props = {
  notice: NoticeView
  /** Tapping the card (not its photos) opens the notice. */
  onOpen?: () => void
  children?: ReactNode
}

/** One rectification notice as a channel lists it: who (masked for neighbours), what, the rule, photos, deadline, status. */
export function NoticeCard({ notice, onOpen, children }: Props) {
  const done = rectifiedText(notice)
  return (
    <View className={`card notice-card notice-card--${notice.status}`}>
      <View onClick={onOpen}>
        <View className="notice-card__top">
          <Text className="notice-card__who">{notice.householdLabel}</Text>
          <NoticeStatusTag notice={notice} />
        </View>
        <Text className="notice-card__problem">{notice.problem}</Text>
        {notice.rule && <Text className="notice-card__rule">细则：{notice.rule.title}（扣 {notice.points} 分）</Text>}
        {done ? (
          <Text className="notice-card__done">{done}</Text>
        ) : (
          notice.status !== 'withdrawn' && <Text className="notice-card__deadline">整改期限：{formatLocalTime(notice.deadline)}</Text>
        )}
        {notice.mine && <Text className="notice-card__mine">这是{MEMBER_WORDS[notice.memberKind].mine}的通报</Text>}
      </View>
      <PhotoThumbs photos={notice.photos} inCheck={notice.photosInCheck} note={notice.photoNote} />
      {children}
    </View>
  )
}
