import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { bindStaff } from '../../api/org'
import { BigButton } from '../../components/big-button'
import type { StaffBindResult } from '../../core/contracts/org'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import '../staff.css'

/**
 * 工作人员绑定 (router param `code` optional, e.g. from a scanned QR): whoever was given a staff code
 * enters their name and the code; their WeChat then holds that role.
 */
export default function StaffJoinPage() {
  const elder = useElderMode()
  const [name, setName] = useState('')
  const [code, setCode] = useState((useRouter().params.code ?? '').toUpperCase())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<Extract<StaffBindResult, { bound: true }> | null>(null)
  const intent = useIntentRequestId()

  async function scan() {
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      setCode(scanned.result.trim().toUpperCase())
    } catch {
      // Cancelled: the code can still be typed.
    }
  }

  async function join() {
    if (!name.trim()) return setError('请先填写您的名字')
    if (!code.trim()) return setError('请填写发给您的工作码')
    setBusy(true)
    setError(null)
    const params = { code: code.trim(), displayName: name.trim() }
    const answer = await bindStaff(intent.idFor(params), params.code, params.displayName)
    setBusy(false)
    if (!answer.ok) return setError(answer.error.message)
    intent.done()
    if (!answer.data.bound) {
      const { message, triesLeft } = answer.data
      return setError(triesLeft > 0 ? `${message}（这一小时内还能试 ${triesLeft} 次）` : `${message}（输错太多次，请一小时后再试）`)
    }
    setDone(answer.data)
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
        <Text className="staff__label">工作码</Text>
        <Input
          className="staff__input staff__code-input"
          value={code}
          maxlength={12}
          placeholder="8 位工作码"
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
        />
        {process.env.TARO_ENV === 'weapp' && (
          <BigButton kind="plain" onClick={() => void scan()}>
            扫工作码二维码
          </BigButton>
        )}
        {error && <Text className="staff__error">{error}</Text>}
        {busy ? <Text className="plain-text">正在绑定…</Text> : <BigButton onClick={() => void join()}>绑定</BigButton>}
      </View>
    </View>
  )
}
