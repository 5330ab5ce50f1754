import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { LedgerLine } from '../../core/contracts/score'
import { formatLocalTime } from '../../core/period'
import { actorText, APPEAL_LABELS, canAppeal, reversalText } from '../../core/villager-labels'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { PointsText } from '../../components/points-text'
import { StatusTag } from '../../components/villager/status-tag'
import { APPEAL_TONES } from '../../components/villager/status-tones'

type Props = {
  line: LedgerLine
  /** The line this one corrects, when it is among the lines loaded. */
  corrected: LedgerLine | undefined
}

function openAppeal(line: LedgerLine) {
  const query = [
    `entryId=${line.id}`,
    `title=${encodeURIComponent(line.rule?.title ?? line.kindLabel)}`,
    `points=${line.points}`,
    `at=${encodeURIComponent(line.createdAt)}`,
  ].join('&')
  void Taro.navigateTo({ url: `/pages/appeal/index?${query}` })
}

/** One line of 积分明细: when, what, how many points, who scored it, the photos and the note. */
export function LedgerLineView({ line, corrected }: Props) {
  const reversal = reversalText(line, corrected, formatLocalTime)
  return (
    <View className={`card ledger-line ${line.reversedBy !== null ? 'ledger-line--reversed' : ''}`}>
      <View className="ledger-line__top">
        <Text className="ledger-line__date">{formatLocalTime(line.createdAt)}</Text>
        <Text className="ledger-line__kind">{line.kindLabel}</Text>
      </View>
      {line.rule && (
        <View className="ledger-line__rule">
          <Text className="ledger-line__title">{line.rule.title}</Text>
          <Text className="ledger-line__category">{line.rule.category}</Text>
        </View>
      )}
      <View className="ledger-line__numbers">
        <View className="ledger-line__points">
          <PointsText points={line.points} className="ledger-line__points-value" />
          <Text className="ledger-line__unit">分</Text>
          {line.reversedBy !== null && <Text className="ledger-line__reversed">(已冲销)</Text>}
        </View>
        <Text className="ledger-line__balance">余额 {line.balanceAfter} 分</Text>
      </View>
      {reversal && <Text className="ledger-line__reverses">{reversal}</Text>}
      {line.scorer && (
        <Text className="ledger-line__scorer">{actorText(line.kind, line.scorer)}</Text>
      )}
      <PhotoThumbs photos={line.photos} />
      {line.note !== '' && <Text className="ledger-line__note">说明：{line.note}</Text>}
      {line.appeal && (
        <View className="ledger-line__appeal">
          <Text className="ledger-line__appeal-label">申诉：</Text>
          <StatusTag text={APPEAL_LABELS[line.appeal.status].tag} tone={APPEAL_TONES[line.appeal.status]} />
        </View>
      )}
      {canAppeal(line) && (
        <View className="ledger-line__appeal-button" hoverClass="big-button--pressed" onClick={() => openAppeal(line)}>
          申诉
        </View>
      )}
      <Text className="ledger-line__id elder-hide">编号 {line.id}</Text>
    </View>
  )
}
