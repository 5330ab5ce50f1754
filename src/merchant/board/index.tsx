import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { redBlackBoard } from '../../api/merchant'
import { BigButton } from '../../components/big-button'
import { ChoiceChip } from '../../components/choice-chip'
import { Loaded } from '../../components/loaded'
import type { BoardEntryView } from '../../core/contracts/merchant'
import { MERCHANT_CATEGORIES, type MerchantCategory } from '../../core/member-kind'
import { starsShown } from '../../core/merchant/star-terms'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import '../merchant.css'

/** 红黑榜: a street's (or an alliance's) merchants on the red and the black list, by 业态; public, trade names only. */
export default function BoardPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId ?? ''
  const [trade, setTrade] = useState<MerchantCategory | null>(null)
  const { state, reload } = useEnvelope(() => redBlackBoard(trade ? { orgId, trade } : { orgId }), [orgId, trade])
  return (
    <View className={`screen ${elder.rootClass}`}>
      <View className="card">
        <ChoiceChip on={trade === null} onClick={() => setTrade(null)}>
          全部
        </ChoiceChip>
        {MERCHANT_CATEGORIES.map((t) => (
          <ChoiceChip key={t} on={trade === t} onClick={() => setTrade(t)}>
            {t}
          </ChoiceChip>
        ))}
      </View>
      <Loaded state={state} onRetry={reload}>
        {(board) => (
          <View>
            <View className="card">
              <Text className="section-title">红榜</Text>
              {board.red.length === 0 && <Text className="muted-text">现在没有上红榜的商家</Text>}
              {board.red.map((entry) => (
                <Entry key={entry.merchantId} entry={entry} list="red" />
              ))}
            </View>
            <View className="card">
              <Text className="section-title">黑榜</Text>
              {board.black.length === 0 && <Text className="muted-text">现在没有上黑榜的商家</Text>}
              {board.black.map((entry) => (
                <Entry key={entry.merchantId} entry={entry} list="black" />
              ))}
            </View>
            {board.leftBlack.length > 0 && (
              <View className="card">
                <Text className="section-title">最近整改好、已移出黑榜</Text>
                {board.leftBlack.map((left) => (
                  <Text key={left.merchantId} className="plain-text merchant__row">
                    {left.tradeName}（{left.trade}）{left.leftOn} 移出黑榜
                  </Text>
                ))}
              </View>
            )}
          </View>
        )}
      </Loaded>
      <View className="card">
        <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: `/merchant/commendations/index?orgId=${encodeURIComponent(orgId)}` })}>
          看年度表彰榜
        </BigButton>
      </View>
    </View>
  )
}

function Entry({ entry, list }: { entry: BoardEntryView; list: 'red' | 'black' }) {
  return (
    <View className={`merchant__row merchant__${list}`}>
      <Text className="merchant__name">{entry.tradeName}</Text>
      <Text className="plain-text">
        {entry.trade} · {starsShown(entry.stars, { count: false })} · {entry.since} 起
      </Text>
      {entry.reasons.map((reason) => (
        <Text key={reason.text} className="muted-text">
          {reason.text}
        </Text>
      ))}
    </View>
  )
}
