import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { receipt as loadReceipt } from '../../api/card'
import { BigButton } from '../../components/big-button'
import { ErrorView } from '../../components/error-view'
import { LoadingView } from '../../components/loading-view'
import { ReceiptCard } from '../../components/receipt-card'
import { useEnvelope } from '../../hooks/use-envelope'
import { useRedemptionReversal } from '../hooks/use-redemption-reversal'
import '../shop.css'
import { NeedsLink } from '../../components/needs-link'

/**
 * One receipt of the shop, opened from 兑换汇总: what was taken and by whom, and 撤销这笔兑换
 * (a clerk on the day itself, a cadre of the village any day; the server holds that rule).
 */
export default function ReceiptPage() {
  const linked = Boolean(useRouter().params.id)
  return linked ? <Receipt /> : <NeedsLink sentence="要看哪一张小票？请从兑换汇总里点一张。" />
}

function Receipt() {
  const receiptId = useRouter().params.id ?? ''
  const { state, reload } = useEnvelope(() => loadReceipt(receiptId), [receiptId])
  const reverseRedemption = useRedemptionReversal()
  const [message, setMessage] = useState('')

  async function reverse() {
    setMessage('')
    const shown = await reverseRedemption(receiptId)
    if (!shown) return
    if (shown.ok) reload()
    else setMessage(shown.error.message)
  }

  if (state.status === 'loading') return <View className="screen"><LoadingView /></View>
  if (state.status === 'error') return <View className="screen"><ErrorView error={state.error} onRetry={reload} /></View>
  return (
    <View className="screen shop-receipt">
      {message && <Text className="shop-message">{message}</Text>}
      <ReceiptCard receipt={state.data} title="兑换小票" />
      {!state.data.reversal && (
        <BigButton kind="plain" onClick={() => void reverse()}>
          撤销这笔兑换
        </BigButton>
      )}
    </View>
  )
}
