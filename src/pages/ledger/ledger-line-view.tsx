import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { LedgerLine } from '../../core/contracts/score'
import { formatLocalTime } from '../../core/period'
import { canAppeal, reversalText } from '../../core/villager-labels'
import { LedgerLineCard } from '../../components/ledger-line'

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

/** One line of 积分明细 as the villager reads it: 余额 after it, what a correction corrects, 去整改 and 申诉, and the line's 编号. */
export function LedgerLineView({ line, corrected }: Props) {
  const reversal = reversalText(line, corrected, formatLocalTime)
  return (
    <LedgerLineCard
      line={line}
      balanceText={`余额 ${line.balanceAfter} 分`}
      details={reversal ? [{ key: 'reverses', text: reversal, className: 'ledger-line__reverses' }] : []}
    >
      {line.notice?.status === 'open' && (
        <View
          className="ledger-line__rectify-button"
          hoverClass="big-button--pressed"
          onClick={() => void Taro.navigateTo({ url: `/pages/notices/detail?id=${line.notice!.id}` })}
        >
          去整改，分可以加回来
        </View>
      )}
      {canAppeal(line) && (
        <View className="ledger-line__appeal-button" hoverClass="big-button--pressed" onClick={() => openAppeal(line)}>
          申诉
        </View>
      )}
      <Text className="ledger-line__id elder-hide">编号 {line.id}</Text>
    </LedgerLineCard>
  )
}
