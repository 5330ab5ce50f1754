import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { StatusTag } from '../../components/villager/status-tag'
import type { MatterView } from '../../core/contracts/matter'
import type { ShownMatterStatus } from '../../core/matter'
import { formatLocalTime } from '../../core/period'
import './matter-card.css'

const TONES: Record<ShownMatterStatus, 'wait' | 'good' | 'bad' | 'plain'> = {
  collected: 'wait',
  accepted: 'wait',
  assigned: 'wait',
  in_progress: 'wait',
  answered: 'good',
  rated: 'good',
  merged: 'plain',
  declined: 'plain',
  overdue: 'bad',
}

/** One matter as lists show it: photo first, its state, what it is, who raised it (masked in public), 我也遇到. */
export function MatterCard({ matter, link = false, children }: { matter: MatterView; link?: boolean; children?: React.ReactNode }) {
  const open = () => void Taro.navigateTo({ url: `/matters/detail/index?id=${matter.id}` })
  return (
    <View className="card matter-card" onClick={link ? open : undefined}>
      <PhotoThumbs photos={matter.photos.slice(0, 3)} inCheck={matter.photosInCheck} note={matter.photoNote} />
      <View className="matter-card__head">
        <StatusTag text={matter.statusLabel} tone={TONES[matter.status]} />
        {matter.reopened && <Text className="matter-card__flag">重新办理过</Text>}
      </View>
      <Text className="matter-card__text">{matter.text}</Text>
      {matter.place && <Text className="muted-text">地点：{matter.place}</Text>}
      <Text className="muted-text">
        {matter.raiser} · {formatLocalTime(matter.raisedAt)}
      </Text>
      {matter.seconds > 0 && <Text className="plain-text matter-card__seconds">{matter.seconds} 户也遇到</Text>}
      {matter.assigneeName && <Text className="muted-text elder-hide">办理：{matter.assigneeName}{matter.dueAt ? `，期限 ${formatLocalTime(matter.dueAt)}` : ''}</Text>}
      {matter.outcome && <Text className="plain-text">结果：{matter.outcome}</Text>}
      {matter.ratingLabel && <Text className="plain-text">评价：{matter.ratingLabel}</Text>}
      {children}
    </View>
  )
}
