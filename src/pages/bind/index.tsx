import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { bindHousehold } from '../../api/roster'
import { BigButton } from '../../components/big-button'
import { FieldProblem } from '../../components/field-problem'
import type { HouseholdView } from '../../core/contracts/account'
import { useCodeBinding } from '../../hooks/use-code-binding'
import './index.css'

/** 绑定我家: a villager (or a merchant's owner) enters their name and the invite code a village cadre (or the alliance's committee) gave them. */
export default function BindPage() {
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [household, setHousehold] = useState<HouseholdView | null>(null)
  const binding = useCodeBinding(bindHousehold, '请填写村干部给您的邀请码')

  async function bind() {
    const bound = await binding.submit(name, code)
    if (bound) setHousehold(bound.household)
  }

  if (household) {
    return (
      <View className="screen">
        <View className="card">
          <Text className="bind__done">绑定成功</Text>
          <Text className="plain-text">
            {household.tradeName
              ? `您已绑定 ${household.village.name} ${household.tradeName}（店址 ${household.houseNo}），是这家店的店主。`
              : `您已绑定 ${household.village.name} ${household.name} 家（门牌 ${household.houseNo}）。`}
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
        <Text className="plain-text">开店的店主：请找商家联盟的委员要邀请码，输入后能看到店里的积分。</Text>
        <Text className="bind__label">您的名字</Text>
        <Input className="bind__input" value={name} maxlength={20} placeholder="例如：张建国" onInput={(e) => setName(e.detail.value)} />
        <FieldProblem text={binding.problems.of('displayName')} />
        <Text className="bind__label">邀请码</Text>
        <Input
          className="bind__input bind__code-input"
          value={code}
          maxlength={12}
          placeholder="8 位邀请码"
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
        />
        <FieldProblem text={binding.problems.of('code')} />
        <FieldProblem text={binding.problems.general} />
        {binding.busy ? <Text className="plain-text">正在绑定…</Text> : <BigButton onClick={() => void bind()}>绑定</BigButton>}
      </View>
    </View>
  )
}
