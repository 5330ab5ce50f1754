import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { myCredit, requestCertificate, revokeCertificate } from '../../api/credit'
import { askNoticeSubscription } from '../../api/subscribe'
import { BigButton } from '../../components/big-button'
import { CardQr } from '../../components/card-qr'
import { Loaded } from '../../components/loaded'
import { TermExplainer } from '../../components/term-explainer'
import type { CreditOverview, MyCertificateView } from '../../core/contracts/credit'
import { maskName } from '../../core/mask'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { StatementsCard } from '../components/statements-card'
import '../credit.css'

/**
 * 积分证明 (善治贷): the household asks for a certificate for one bank, shows its QR or code to the
 * loan officer, sees what the bank's terms give it and who looked, and can withdraw it at any time.
 */
export default function CertificatePage() {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(myCredit, [])
  return (
    <View className={`screen credit ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => <CreditView overview={data} onChanged={reload} />}
      </Loaded>
    </View>
  )
}

function CreditView({ overview, onChanged }: { overview: CreditOverview; onChanged: () => void }) {
  const certificate = overview.certificate
  const valid = certificate?.status === 'valid'
  return (
    <View>
      {certificate && <CertificateCard certificate={certificate} onChanged={onChanged} />}
      {overview.banks.some((b) => b.terms) && (
        <View className="card">
          <Text className="section-title">银行的优惠规则</Text>
          {overview.banks
            .filter((b) => b.terms)
            .map(({ bank, terms, sentence }) => (
              <View key={bank.id} className="credit__look">
                <Text className="plain-text">{bank.name}（{terms!.effectiveFrom} 起施行）</Text>
                {sentence && <Text className="credit__sentence">{sentence}</Text>}
                {terms!.bandLines.map((line) => (
                  <Text key={line} className="muted-text elder-hide">
                    {line}
                  </Text>
                ))}
              </View>
            ))}
          <TermExplainer term="利率优惠" />
          <TermExplainer term="授信" />
          <Text className="muted-text">规则由银行自己发布，以银行办理时为准；规则变了，已经开出的证明不会变。</Text>
        </View>
      )}
      <RequestForm overview={overview} again={valid} onChanged={onChanged} />
      <View className="card">
        <Text className="section-title">谁在什么时候查看了</Text>
        {overview.verifications.length === 0 && <Text className="muted-text">还没有银行查看过您家的积分证明。</Text>}
        {overview.verifications.map((look) => (
          <View key={look.id} className="credit__look">
            <Text className="plain-text">
              {formatLocalTime(look.at)} {look.bankName} {look.officerName}
            </Text>
            <Text className="muted-text">
              证明码 {look.certificateCode}，当时：{look.statusLabel}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function CertificateCard({ certificate, onChanged }: { certificate: MyCertificateView; onChanged: () => void }) {
  const [problem, setProblem] = useState<string | null>(null)
  const intent = useIntentRequestId()
  const valid = certificate.status === 'valid'
  const revoke = async () => {
    const { confirm } = await Taro.showModal({ title: '撤销积分证明', content: '撤销后银行再查，只能看到“已撤销”，看不到任何数字。确定撤销吗？', confirmText: '撤销', cancelText: '不撤销' })
    if (!confirm) return
    const answer = await revokeCertificate(intent.idFor(certificate.id), certificate.id)
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    onChanged()
  }
  return (
    <View className="card">
      <Text className="section-title">给{certificate.bank.name}的积分证明</Text>
      <Text className={`credit__status ${valid ? 'credit__status--valid' : 'credit__status--other'}`}>{certificate.statusLabel}</Text>
      <Text className="muted-text">证明码</Text>
      <Text className="credit__code" selectable>
        {certificate.code}
      </Text>
      {certificate.qrText && (
        <View>
          <Text className="plain-text">请信贷员扫这个码，或念证明码给他：</Text>
          <CardQr text={certificate.qrText} />
        </View>
      )}
      <Text className="muted-text">
        {formatLocalTime(certificate.issuedAt)} 开出，{valid ? `有效到 ${formatLocalTime(certificate.expiresAt)}` : '现在银行看不到里面的数字'}
      </Text>
      <StatementsCard statements={certificate.statements} />
      {problem && <Text className="credit__problem">{problem}</Text>}
      {valid && (
        <BigButton kind="plain" onClick={() => void revoke()}>
          撤销这份证明
        </BigButton>
      )}
    </View>
  )
}

function RequestForm({ overview, again, onChanged }: { overview: CreditOverview; again: boolean; onChanged: () => void }) {
  const [bankId, setBankId] = useState<string | null>(overview.banks.length === 1 ? overview.banks[0].bank.id : null)
  const [showName, setShowName] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const intent = useIntentRequestId()
  if (overview.banks.length === 0) {
    return (
      <View className="card">
        <Text className="muted-text">街道里还没有开办善治贷的银行。</Text>
      </View>
    )
  }
  const send = async () => {
    if (sending) return
    if (!bankId) return setProblem('请选择给哪家银行')
    setProblem(null)
    // 「证明快到期时通知我」: WeChat asks only from a tap, so first, before anything is awaited.
    void askNoticeSubscription()
    setSending(true)
    const answer = await requestCertificate(intent.idFor({ bankId, showName }), bankId, showName)
    setSending(false)
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    onChanged()
  }
  return (
    <View className="card">
      <Text className="section-title">{again ? '重新申请' : '申请积分证明'}</Text>
      <Text className="muted-text">
        证明只写银行需要的：村、户主、股数、今年和去年的积分、在村里的排名段、有没有逾期整改、近一年申诉后维持的扣分。30 天内有效，您随时可以撤销。
        {again ? '重新申请后，旧的证明就作废了。' : ''}
      </Text>
      <Text className="plain-text">给哪家银行</Text>
      {overview.banks.map(({ bank }) => (
        <View key={bank.id} className={`credit__choice ${bankId === bank.id ? 'credit__choice--on' : ''}`} onClick={() => setBankId(bank.id)}>
          {bankId === bank.id ? '●' : '○'} {bank.name}
        </View>
      ))}
      <Text className="plain-text">户主名字</Text>
      <View className={`credit__choice ${showName ? '' : 'credit__choice--on'}`} onClick={() => setShowName(false)}>
        {showName ? '○' : '●'} 不写全名（只写“{maskName(overview.householdName)}”）
      </View>
      <View className={`credit__choice ${showName ? 'credit__choice--on' : ''}`} onClick={() => setShowName(true)}>
        {showName ? '●' : '○'} 写户主全名（{overview.householdName}）
      </View>
      {problem && <Text className="credit__problem">{problem}</Text>}
      <BigButton onClick={() => void send()}>{sending ? '正在开证明…' : again ? '重新开一份证明' : '开积分证明'}</BigButton>
    </View>
  )
}
