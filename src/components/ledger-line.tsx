import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { LedgerLine, LedgerPage } from '../core/contracts/score'
import { formatLocalTime } from '../core/period'
import { actorText, APPEAL_LABELS } from '../core/villager-labels'
import { PhotoThumbs } from './photo-thumbs'
import { PointsText } from './points-text'
import { StatusTag } from './villager/status-tag'
import { APPEAL_TONES } from './villager/status-tones'
import './ledger-line.css'

/** A short line of its own under a ledger line's numbers; the class says how it looks (e.g. a flag). */
export type LedgerLineDetail = { key: string; text: string; className?: string }

type LineProps = {
  line: LedgerLine
  /** The audience's own class on the card, next to `ledger-line` (e.g. `hh-line` on the staff screen). */
  className?: string
  /** The balance after this line, in the audience's words: "余额 12 分", "之后 12 分". */
  balanceText: string
  /** Lines under the numbers that only this audience is shown (what a correction corrects, the rule's version, flags). */
  details?: readonly LedgerLineDetail[]
  /** What the reader can do with the line (申诉, 冲销) and anything below it. */
  children?: ReactNode
}

/**
 * One line of a household's ledger, for the villager (积分明细) and for staff (农户积分明细) alike: when and what,
 * the rule and its category, the signed points and the balance after, who scored it, photos, the note and the
 * appeal's status; the audience adds its own details and actions.
 */
export function LedgerLineCard({ line, className = '', balanceText, details = [], children }: LineProps) {
  const reversed = line.reversedBy !== null
  return (
    <View className={`card ledger-line ${className} ${reversed ? 'ledger-line--reversed' : ''}`}>
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
          {reversed && <Text className="ledger-line__reversed">(已冲销)</Text>}
        </View>
        <Text className="ledger-line__balance">{balanceText}</Text>
      </View>
      {details.map((detail) => (
        <Text key={detail.key} className={`ledger-line__detail ${detail.className ?? ''}`}>
          {detail.text}
        </Text>
      ))}
      {line.scorer && <Text className="ledger-line__scorer">{actorText(line.kind, line.scorer)}</Text>}
      <PhotoThumbs photos={line.photos} inCheck={line.photosInCheck} note={line.photoNote} />
      {line.note !== '' && <Text className="ledger-line__note">说明：{line.note}</Text>}
      {line.appeal && (
        <View className="ledger-line__appeal">
          <Text className="ledger-line__appeal-label">申诉：</Text>
          <StatusTag text={APPEAL_LABELS[line.appeal.status].tag} tone={APPEAL_TONES[line.appeal.status]} />
        </View>
      )}
      {children}
    </View>
  )
}

type HeadProps = Pick<LedgerPage, 'householdName' | 'balance' | 'thisMonth'>

/** The head of a household's ledger: "张建国 家", the points it has now and this month's change. */
export function LedgerHead({ householdName, balance, thisMonth }: HeadProps) {
  return (
    <View className="card ledger__head">
      <Text className="ledger__household">{householdName} 家</Text>
      <View className="ledger__figures">
        <View className="ledger__figure">
          <Text className="ledger__figure-label">现有积分</Text>
          <Text className="ledger__balance">
            <Text className="ledger__balance-value">{balance}</Text>
            <Text className="ledger__figure-unit">分</Text>
          </Text>
        </View>
        <View className="ledger__figure">
          <Text className="ledger__figure-label">本月</Text>
          <Text className="ledger__month">
            <PointsText points={thisMonth} />
            <Text className="ledger__figure-unit">分</Text>
          </Text>
        </View>
      </View>
    </View>
  )
}
