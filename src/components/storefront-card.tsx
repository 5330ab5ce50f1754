import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { raiseConcern } from '../api/merchant'
import type { StorefrontView } from '../core/contracts/account'
import { starsShown } from '../core/merchant/star-terms'
import { useIntentRequestId } from '../hooks/use-intent-request-id'
import { BigButton } from './big-button'
import './storefront-card.css'

const LIST_WORDS = { red: '红榜', black: '黑榜' } as const

/**
 * A merchant's storefront sign as a customer sees it: trade name, stars, red or black list with why and
 * since when, the last inspection, and 我要反映 (a concern for the alliance's committee).
 */
export function StorefrontCard({ storefront }: { storefront: StorefrontView }) {
  const [text, setText] = useState('')
  const [answer, setAnswer] = useState<string | null>(null)
  const intent = useIntentRequestId()
  const send = async () => {
    const input = { merchantId: storefront.merchantId, text: text.trim() }
    const result = await raiseConcern(intent.idFor(input), input.merchantId, input.text)
    if (result.ok) intent.done()
    setAnswer(result.ok ? '已转给商家联盟委员会，谢谢您。' : result.error.message)
  }
  return (
    <View className="card storefront">
      <Text className="storefront__name">{storefront.tradeName}</Text>
      <Text className="plain-text">
        {storefront.trade} · {storefront.alliance}
      </Text>
      <Text className="storefront__stars">{starsShown(storefront.stars)}</Text>
      {storefront.list && (
        <View className={`storefront__list storefront__list--${storefront.list}`}>
          <Text className="storefront__list-title">
            {LIST_WORDS[storefront.list]}（{storefront.since} 起）
          </Text>
          {storefront.reasons.map((reason) => (
            <Text key={reason.text} className="plain-text">
              {reason.text}
            </Text>
          ))}
        </View>
      )}
      <Text className="muted-text">{storefront.lastInspection ? `最近一次检查：${storefront.lastInspection}` : '还没有检查过'}</Text>
      <Text className="section-title">我要反映</Text>
      <Textarea className="storefront__concern" value={text} maxlength={200} placeholder="这家店有什么问题，请写下来" onInput={(event) => setText(event.detail.value)} />
      <BigButton onClick={() => void send()}>交给联盟委员会</BigButton>
      {answer && <Text className="plain-text">{answer}</Text>}
    </View>
  )
}
