import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { verifyCertificate } from '../../api/credit'
import { BigButton } from '../../components/big-button'
import type { VerificationResult } from '../../core/contracts/credit'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { StatementsCard } from '../components/statements-card'
import '../credit.css'

/**
 * 核验积分证明: the loan officer scans the household's QR or types its 10-character code and sees
 * the certificate's status, with its statements only while it is valid. Each look is recorded and
 * shown to the household.
 */
export default function VerifyPage() {
  const elder = useElderMode()
  const [code, setCode] = useState('')
  const [result, setResult] = useState<VerificationResult | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)
  const intent = useIntentRequestId()

  const check = async (scan: string) => {
    if (checking) return
    if (!scan.trim()) return setProblem('请扫码或输入证明码')
    setProblem(null)
    setResult(null)
    setChecking(true)
    const answer = await verifyCertificate(intent.idFor(scan.trim()), scan.trim())
    setChecking(false)
    intent.done()
    if (!answer.ok) return setProblem(answer.error.message)
    setResult(answer.data)
  }

  const scan = async () => {
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await check(scanned.result)
    } catch {
      setProblem('没有扫到，请再试一次，或请农户念证明码')
    }
  }

  return (
    <View className={`screen credit ${elder.rootClass}`}>
      <View className="card">
        <BigButton onClick={() => void scan()}>扫农户的证明二维码</BigButton>
        <Text className="plain-text">或输入 10 位证明码：</Text>
        <Input className="credit__input" value={code} maxlength={12} placeholder="例如 7KQ2M-XD4PA" onInput={(event) => setCode(event.detail.value)} />
        <BigButton kind="plain" onClick={() => void check(code)}>
          {checking ? '正在核验…' : '核验'}
        </BigButton>
        {problem && <Text className="credit__problem">{problem}</Text>}
      </View>
      {result && <ResultCard result={result} />}
    </View>
  )
}

function ResultCard({ result }: { result: VerificationResult }) {
  const valid = result.status === 'valid'
  return (
    <View className="card">
      <Text className="section-title">证明码 {result.code}</Text>
      <Text className={`credit__status ${valid ? 'credit__status--valid' : 'credit__status--other'}`}>{result.statusLabel}</Text>
      <Text className="muted-text">
        给{result.bank.name}，{formatLocalTime(result.issuedAt)} 开出，有效到 {formatLocalTime(result.expiresAt)}
      </Text>
      {result.statements ? (
        <StatementsCard statements={result.statements} />
      ) : (
        <Text className="plain-text">这份证明{result.statusLabel}，不显示任何数字。请农户重新开一份证明。</Text>
      )}
      <Text className="muted-text">
        核验时间 {formatLocalTime(result.checkedAt)}，签名已核对{result.statements ? `（${result.statements.cooperative}签发）` : ''}。本次查看会告诉农户。
      </Text>
      {valid && (
        <View className="elder-hide">
          <Text className="muted-text">合作社的公钥（可离线核对签名）：</Text>
          <Text className="muted-text credit__key" selectable>
            {result.publicKeyPem}
          </Text>
        </View>
      )}
    </View>
  )
}
