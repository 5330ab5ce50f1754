import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { cardHolder, codeToken, printedCardToken, receipt as loadReceipt, redeem, shopGoods } from '../../api/card'
import { readTypedCard } from '../../core/card/card-code'
import type { CardHolder, GoodsView, ReceiptView } from '../../core/contracts/card'
import { BigButton } from '../../components/big-button'
import { ReceiptCard } from '../../components/receipt-card'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { useRedemptionReversal } from '../hooks/use-redemption-reversal'
import '../shop.css'
import './index.css'

type Step =
  | { name: 'code' }
  | { name: 'basket'; token: string; holder: CardHolder; goods: GoodsView[] }
  | { name: 'receipt'; receipt: ReceiptView }

/**
 * 积分兑换 at the shop: scan or paste the villager's card code (or take a printed card's number and
 * PIN), see the household (masked) and its balance, pick goods, confirm; both phones show the receipt.
 */
export default function RedeemPage() {
  const [step, setStep] = useState<Step>({ name: 'code' })
  const [code, setCode] = useState('')
  const [printed, setPrinted] = useState({ open: false, cardNumber: '', pin: '' })
  const [quantities, setQuantities] = useState<Record<number, number>>({})
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const redeemId = useIntentRequestId()
  const reverseRedemption = useRedemptionReversal()

  async function openBasket(token: string, holder: CardHolder) {
    const goods = await shopGoods()
    if (!goods.ok) return setMessage(goods.error.message)
    setQuantities({})
    redeemId.done()
    setStep({ name: 'basket', token, holder, goods: goods.data.goods.filter((g) => g.onShelf) })
  }

  async function lookUp(token: string) {
    setMessage('')
    const holder = await cardHolder(token.trim())
    if (!holder.ok) return setMessage(holder.error.message)
    await openBasket(token.trim(), holder.data)
  }

  /** The one box takes the number code a villager reads out, or the long code pasted; a printed 卡号 goes to its own form. */
  async function useTyped(typed: string) {
    setMessage('')
    const read = readTypedCard(typed)
    if (read.kind === 'token') return lookUp(read.token)
    if (read.kind === 'mistyped') return setMessage(read.message)
    if (read.kind === 'card-number') {
      setPrinted({ open: true, cardNumber: typed.trim(), pin: '' })
      return setMessage('这是实体卡上的卡号：请村民在下面输入实体卡的密码')
    }
    const answer = await codeToken(read.code)
    if (!answer.ok) return setMessage(answer.error.message)
    await openBasket(answer.data.token, answer.data.holder)
  }

  async function scan() {
    try {
      const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      setCode(result.result)
      await lookUp(result.result)
    } catch {
      setMessage('没有扫到，请再试一次，或请村民念二维码下面的数字码')
    }
  }

  async function usePrintedCard() {
    setMessage('')
    const answer = await printedCardToken(printed.cardNumber, printed.pin)
    if (!answer.ok) return setMessage(answer.error.message)
    setPrinted({ open: false, cardNumber: '', pin: '' })
    await openBasket(answer.data.token, answer.data.holder)
  }

  async function confirm() {
    if (step.name !== 'basket' || busy) return
    const items = Object.entries(quantities)
      .filter(([, quantity]) => quantity > 0)
      .map(([goodsId, quantity]) => ({ goodsId: Number(goodsId), quantity }))
    if (items.length === 0) return setMessage('请先选要兑换的商品')
    setBusy(true)
    setMessage('')
    const answer = await redeem({ requestId: redeemId.idFor({ token: step.token, items }), token: step.token, items })
    if (answer.ok) {
      redeemId.done()
      const shown = await loadReceipt(answer.data.receiptId)
      if (shown.ok) setStep({ name: 'receipt', receipt: shown.data })
      else setMessage(`已兑换，小票 ${answer.data.receiptId}，剩余 ${answer.data.balanceAfter} 分`)
    } else setMessage(answer.error.message)
    setBusy(false)
  }

  async function reverse(receiptId: string) {
    const shown = await reverseRedemption(receiptId)
    if (!shown) return
    if (shown.ok) setStep({ name: 'receipt', receipt: shown.data })
    else setMessage(shown.error.message)
  }

  function nextCustomer() {
    setCode('')
    setMessage('')
    setStep({ name: 'code' })
  }

  const setQuantity = (goodsId: number, quantity: number) =>
    setQuantities((current) => ({ ...current, [goodsId]: Math.max(0, Math.min(99, quantity)) }))

  return (
    <View className="screen redeem">
      {message && <Text className="shop-message">{message}</Text>}

      {step.name === 'code' && (
        <View>
          {process.env.TARO_ENV === 'weapp' && <BigButton onClick={() => void scan()}>扫村民的积分卡</BigButton>}
          <View className="card">
            <Text className="section-title">扫不了码：输入村民念的数字码</Text>
            <Textarea
              className="redeem__code"
              value={code}
              maxlength={512}
              placeholder="积分卡二维码下面的 10 位数字"
              onInput={(e) => setCode(e.detail.value)}
            />
            <BigButton onClick={() => void useTyped(code)}>查看这张卡</BigButton>
          </View>
          <View className="card">
            <Text className="section-title">没有手机的村民：实体卡</Text>
            {!printed.open && (
              <BigButton kind="plain" onClick={() => setPrinted({ ...printed, open: true })}>
                输入卡号和密码
              </BigButton>
            )}
            {printed.open && (
              <View>
                <Input
                  className="shop-input"
                  type="number"
                  placeholder="卡号（卡上印的号码）"
                  value={printed.cardNumber}
                  onInput={(e) => setPrinted({ ...printed, cardNumber: e.detail.value })}
                />
                <Input
                  className="shop-input"
                  type="number"
                  password
                  maxlength={6}
                  placeholder="请村民自己输入 6 位密码"
                  value={printed.pin}
                  onInput={(e) => setPrinted({ ...printed, pin: e.detail.value })}
                />
                <BigButton onClick={() => void usePrintedCard()}>确认卡号和密码</BigButton>
              </View>
            )}
          </View>
          <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: '/shop/summary/index' })}>
            今日兑换汇总
          </BigButton>
        </View>
      )}

      {step.name === 'basket' && (
        <View>
          <View className="card redeem__holder">
            <Text className="redeem__holder-name">
              {step.holder.householdName}（{step.holder.villageName}）
            </Text>
            <Text className="redeem__holder-balance">可用积分 {step.holder.balance} 分</Text>
          </View>
          <Text className="section-title">选商品和数量</Text>
          {step.goods.map((item) => {
            const quantity = quantities[item.id] ?? 0
            return (
              <View key={item.id} className="card redeem__goods">
                <View className="redeem__goods-info">
                  <Text className="redeem__goods-name">{item.name}</Text>
                  <Text className="muted-text">
                    {item.pointsPrice} 分 · 还有 {item.stock} 件
                  </Text>
                </View>
                <View className="redeem__stepper">
                  <Text className="step-button" onClick={() => setQuantity(item.id, quantity - 1)}>
                    −
                  </Text>
                  <Text className="redeem__quantity">{quantity}</Text>
                  <Text className="step-button" onClick={() => setQuantity(item.id, quantity + 1)}>
                    ＋
                  </Text>
                </View>
              </View>
            )
          })}
          <Text className="redeem__total">
            合计 {step.goods.reduce((sum, g) => sum + g.pointsPrice * (quantities[g.id] ?? 0), 0)} 分
          </Text>
          <BigButton onClick={() => void confirm()}>{busy ? '正在兑换…' : '确认兑换'}</BigButton>
          <BigButton kind="plain" onClick={nextCustomer}>
            取消
          </BigButton>
        </View>
      )}

      {step.name === 'receipt' && (
        <View>
          <ReceiptCard receipt={step.receipt} title="兑换成功" />
          <BigButton onClick={nextCustomer}>下一位</BigButton>
          {!step.receipt.reversal && (
            <BigButton kind="plain" onClick={() => void reverse(step.receipt.receiptId)}>
              撤销这笔兑换
            </BigButton>
          )}
        </View>
      )}
    </View>
  )
}
