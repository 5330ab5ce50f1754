import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { bindStaff } from '../../api/org'
import { BigButton } from '../../components/big-button'
import { FieldProblem } from '../../components/field-problem'
import type { StaffBindResult } from '../../core/contracts/org'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useCodeBinding } from '../../hooks/use-code-binding'
import '../org.css'

/**
 * 工作人员绑定 (router param `code` optional, e.g. from a scanned QR): whoever was given a staff code
 * enters their name and the code; their WeChat then holds that role.
 */
export default function StaffJoinPage() {
  const elder = useElderMode()
  const [name, setName] = useState('')
  const [code, setCode] = useState((useRouter().params.code ?? '').toUpperCase())
  const [done, setDone] = useState<Extract<StaffBindResult, { bound: true }> | null>(null)
  const binding = useCodeBinding(bindStaff, '请填写发给您的工作码')

  async function scan() {
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      setCode(scanned.result.trim().toUpperCase())
    } catch {
      // Cancelled: the code can still be typed.
    }
  }

  async function join() {
    const bound = await binding.submit(name, code)
    if (bound) setDone(bound)
  }

  if (done) {
    return (
      <View className={`screen ${elder.rootClass}`}>
        <View className="card">
          <Text className="staff__done">绑定成功</Text>
          <Text className="plain-text">
            您现在是{done.org.name}的{done.roleLabel}。
          </Text>
          <BigButton onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>回首页开始工作</BigButton>
        </View>
      </View>
    )
  }

  return (
    <View className={`screen ${elder.rootClass}`}>
      <View className="card">
        <Text className="section-title">我是工作人员</Text>
        <Text className="plain-text">请输入街道或村里发给您的工作码（8 位，7 天内有效，只能用一次）。绑定后，您的微信就能做这个岗位的工作。</Text>
        <Text className="staff__label">您的名字</Text>
        <Input className="staff__input staff__name-input" value={name} maxlength={20} placeholder="例如：陈明华" onInput={(e) => setName(e.detail.value)} />
        <FieldProblem text={binding.problems.of('displayName')} />
        <Text className="staff__label">工作码</Text>
        <Input
          className="staff__input staff__code-input"
          value={code}
          maxlength={12}
          placeholder="8 位工作码"
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
        />
        <FieldProblem text={binding.problems.of('code')} />
        {process.env.TARO_ENV === 'weapp' && (
          <BigButton kind="plain" onClick={() => void scan()}>
            扫工作码二维码
          </BigButton>
        )}
        <FieldProblem text={binding.problems.general} />
        {binding.busy ? <Text className="plain-text">正在绑定…</Text> : <BigButton onClick={() => void join()}>绑定</BigButton>}
      </View>
    </View>
  )
}
