import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { signInTraining } from '../../api/merchant'
import { BigButton } from '../../components/big-button'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import '../merchant.css'

/** 培训签到: a merchant's owner scans the session's code (or types it); 参加培训 points once per session. */
export default function SignInPage() {
  const elder = useElderMode()
  const [code, setCode] = useState('')
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null)
  const intent = useIntentRequestId()
  const send = async (typed: string) => {
    const answer = await signInTraining(intent.idFor({ code: typed }), typed)
    if (!answer.ok) return setSaid({ ok: false, text: answer.error.message })
    const result = answer.data
    if (!result.signedIn) return setSaid({ ok: false, text: `${result.message}（还能试 ${result.triesLeft} 次）` })
    intent.done()
    setSaid({ ok: true, text: result.already ? `${result.tradeName}已经签过到了，积分只加一次。` : `签到成功：${result.title}，${result.tradeName}加 ${result.points} 分，现有 ${result.balance} 分。` })
  }
  const scan = async () => {
    try {
      const scanned = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
      setCode(scanned)
      await send(scanned)
    } catch {
      setSaid({ ok: false, text: '没有扫到，请再试一次，或输入签到码' })
    }
  }
  return (
    <View className={`screen ${elder.rootClass}`}>
      <View className="card">
        <BigButton onClick={() => void scan()}>扫培训签到码</BigButton>
        <Text className="plain-text">或输入培训现场给出的 8 位签到码：</Text>
        <Input className="merchant__input" value={code} maxlength={12} placeholder="8 位签到码" onInput={(e) => setCode(e.detail.value)} />
        <BigButton kind="plain" onClick={() => void send(code.trim())}>
          签到
        </BigButton>
        {said && <Text className={said.ok ? 'plain-text' : 'merchant__problem'}>{said.text}</Text>}
      </View>
    </View>
  )
}
