import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { bindHousehold } from '../../api/account'
import { BigButton } from '../../components/big-button'
import type { HouseholdView } from '../../core/contracts/account'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import './index.css'

/** 绑定我家: a villager enters their name and the invite code a village cadre gave them. */
export default function BindPage() {
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [household, setHousehold] = useState<HouseholdView | null>(null)
  const intent = useIntentRequestId()

  async function bind() {
    if (!name.trim()) return setError('请先填写您的名字')
    if (!code.trim()) return setError('请填写村干部给您的邀请码')
    setBusy(true)
    setError(null)
    const params = { code: code.trim(), displayName: name.trim() }
    const answer = await bindHousehold(intent.idFor(params), params.code, params.displayName)
    setBusy(false)
    if (!answer.ok) return setError(answer.error.message)
    intent.done()
    if (!answer.data.bound) {
      const { message, triesLeft } = answer.data
      return setError(triesLeft > 0 ? `${message}（这一小时内还能试 ${triesLeft} 次）` : `${message}（输错太多次，请一小时后再试）`)
    }
    setHousehold(answer.data.household)
  }

  if (household) {
    return (
      <View className="screen">
        <View className="card">
          <Text className="bind__done">绑定成功</Text>
          <Text className="plain-text">
            您已绑定 {household.village.name} {household.name} 家（门牌 {household.houseNo}）。
          </Text>
          <BigButton onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>回首页看积分</BigButton>
        </View>
      </View>
    )
  }

  return (
    <View className="screen">
      <View className="card">
        <Text className="section-title">绑定我家</Text>
        <Text className="plain-text">请找村干部要一个邀请码（8 位），输入后您的微信就能看到自家的积分。</Text>
        <Text className="bind__label">您的名字</Text>
        <Input className="bind__input" value={name} maxlength={20} placeholder="例如：张建国" onInput={(e) => setName(e.detail.value)} />
        <Text className="bind__label">邀请码</Text>
        <Input
          className="bind__input bind__code-input"
          value={code}
          maxlength={12}
          placeholder="8 位邀请码"
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
        />
        {error && <Text className="bind__error">{error}</Text>}
        {busy ? <Text className="plain-text">正在绑定…</Text> : <BigButton onClick={() => void bind()}>绑定</BigButton>}
      </View>
    </View>
  )
}
