import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { leaveMerchant } from '../../api/my-data'
import { BigButton } from '../../components/big-button'
import { DangerConfirm } from '../../components/danger-confirm'
import type { MerchantView } from '../../core/contracts/account'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'

/**
 * 我的店 on 我的信息 (beside the household's 解除绑定, out of the main package): the shop the caller owns, and 解除店铺绑定 asked in place (red, with 取消). The shop, its
 * points and its sign stay with the alliance; his household binding is not touched.
 */
export function MyShopCard({ merchant, onLeft }: { merchant: MerchantView; onLeft: () => void }) {
  const [asking, setAsking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const intent = useIntentRequestId()
  const leave = async () => {
    const answer = await leaveMerchant(intent.idFor(merchant.id))
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    setAsking(false)
    onLeft()
  }
  return (
    <View className="card">
      <Text className="section-title">我的店</Text>
      <Text className="my-data__shop">
        {merchant.tradeName}（{merchant.trade}）· {merchant.alliance.name}
      </Text>
      {asking ? (
        <DangerConfirm
          sentence={`解除后您不再是「${merchant.tradeName}」的店主，看不到店里的积分和整改，也不能培训签到。店、积分和店招牌都还在联盟里；以后要再绑定，请找联盟委员要新的邀请码。`}
          action="确定解除店铺绑定"
          onConfirm={() => void leave()}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <BigButton kind="danger-plain" onClick={() => setAsking(true)}>
          解除店铺绑定
        </BigButton>
      )}
      {problem && <Text className="my-data__problem">{problem}</Text>}
    </View>
  )
}
