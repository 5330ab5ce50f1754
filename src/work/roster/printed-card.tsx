import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { printedCard, setCardPin } from '../../api/card'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { formatCardNumber } from '../../core/card/card-number'
import { MAX_PIN_FAILURES, pinProblem } from '../../core/card/pin'
import type { PrintedCardView } from '../../core/contracts/card'
import { formatLocalTime } from '../../core/period'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'

function pinState(card: PrintedCardView): string {
  if (card.locked) return `已锁定（密码连续输错 ${MAX_PIN_FAILURES} 次），重设密码就能解锁`
  if (card.pinSet && card.pinSetAt) return `已设置（${formatLocalTime(card.pinSetAt)}）`
  return '还没有设置，这张卡现在不能用'
}

/**
 * 实体积分卡 of a household, for villagers without a phone: the card number to print, and the 6-digit
 * PIN the villager types in themselves while the cadre watches; setting it again also unlocks the card.
 * Only a village cadre may do this; for anyone else the card is not shown.
 */
export function PrintedCardCard({ householdId }: { householdId: string }) {
  const card = useEnvelope(() => printedCard(householdId), [householdId])
  const [pin, setPin] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const intent = useIntentRequestId()

  async function save() {
    const problem = pinProblem(pin)
    if (problem) return setMessage({ ok: false, text: problem })
    const answer = await setCardPin(intent.idFor({ householdId, pin }), householdId, pin)
    if (!answer.ok) return setMessage({ ok: false, text: answer.error.message })
    intent.done()
    setPin('')
    setMessage({ ok: true, text: `密码已设好。卡号 ${formatCardNumber(answer.data.cardNumber)}，请把卡号印在卡上。` })
    card.reload()
  }

  if (card.state.status === 'error' && card.state.error.code === 'FORBIDDEN') return null
  return (
    <View className="card">
      <Text className="section-title">实体积分卡（给没有手机的村民）</Text>
      <Loaded state={card.state} onRetry={card.reload}>
        {(data) => (
          <View>
            <Text className="roster__card-number">{formatCardNumber(data.cardNumber)}</Text>
            {data.paperCardNumber && <Text className="plain-text">原来的纸质积分卡号 {data.paperCardNumber} 也能用，密码相同。</Text>}
            <Text className="plain-text">密码：{pinState(data)}</Text>
            <Text className="muted-text">在超市兑换时，店员输入卡号，村民自己输入密码。</Text>
            {message && <Text className={message.ok ? 'roster__done' : 'roster__error'}>{message.text}</Text>}
            <Text className="roster__label">请村民自己输入 6 位新密码</Text>
            <Input
              className="roster__input roster__pin"
              type="number"
              password
              maxlength={6}
              value={pin}
              placeholder="6 位数字"
              onInput={(event) => setPin(event.detail.value)}
            />
            <BigButton onClick={() => void save()}>{data.pinSet ? '重设密码' : '设置密码'}</BigButton>
          </View>
        )}
      </Loaded>
    </View>
  )
}
