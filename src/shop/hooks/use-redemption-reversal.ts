import Taro from '@tarojs/taro'
import { receipt as loadReceipt, reverseRedemption } from '../../api/card'
import type { ReceiptView } from '../../core/contracts/card'
import type { Envelope } from '../../core/contracts/envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'

/**
 * 撤销这笔兑换: asks first, then reverses the receipt (one requestId per receipt while retrying) and
 * answers the receipt as it now stands; `null` when the clerk changed their mind.
 */
export function useRedemptionReversal(): (receiptId: string) => Promise<Envelope<ReceiptView> | null> {
  const intent = useIntentRequestId()
  return async (receiptId) => {
    const sure = await Taro.showModal({ title: '撤销这笔兑换？', content: '积分会退回村民，商品要收回货架。', confirmText: '撤销' })
    if (!sure.confirm) return null
    const answer = await reverseRedemption({ requestId: intent.idFor({ receiptId }), receiptId })
    if (!answer.ok) return answer
    intent.done()
    return loadReceipt(receiptId)
  }
}
