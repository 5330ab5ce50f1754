import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ScoreRecordView } from '../../core/contracts/score'
import { formatLocalTime } from '../../core/period'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { PointsText } from '../../components/points-text'
import { StatusTag } from './status-tag'
import './record-card.css'

/** One score or claim: household, rule, points, status, who and when, note and photos. */
export function RecordCard({ record, children }: { record: ScoreRecordView; children?: ReactNode }) {
  return (
    <View className="card record-card">
      <View className="record-card__head">
        <Text className="record-card__name">
          {record.householdName}
          <Text className="record-card__house"> 门牌 {record.houseNo}</Text>
        </Text>
        <StatusTag status={record.status} />
      </View>
      <View className="record-card__rule">
        <Text className="record-card__rule-title">
          {record.source === 'claim' ? '【村民申报】' : ''}
          {record.rule.title}
        </Text>
        <PointsText points={record.points} size="normal" />
      </View>
      <Text className="muted-text">
        {formatLocalTime(record.createdAt)} · {record.source === 'claim' ? '申报人' : '评分人'} {record.submittedBy}
      </Text>
      {formatLocalTime(record.observedAt) !== formatLocalTime(record.createdAt) && (
        <Text className="muted-text">入户时间 {formatLocalTime(record.observedAt)}（没有信号时记下，后来上传）</Text>
      )}
      {record.note && <Text className="plain-text">说明：{record.note}</Text>}
      {record.decisionNote && <Text className="plain-text">审核意见：{record.decisionNote}</Text>}
      <PhotoThumbs photos={record.photos} inCheck={record.photosInCheck} note={record.photoNote} />
      {children}
    </View>
  )
}
