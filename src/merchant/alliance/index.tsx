import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { addMerchant, merchants, openTraining, rateStars } from '../../api/merchant'
import { issueInvite } from '../../api/roster'
import { BigButton } from '../../components/big-button'
import { ChoiceChip } from '../../components/choice-chip'
import { Loaded } from '../../components/loaded'
import type { IssuedInvite, MerchantView } from '../../core/contracts/account'
import type { StarRatingsView } from '../../core/contracts/merchant'
import { shownCode, type ShownOnce } from '../../core/contracts/shown-once'
import { MERCHANT_CATEGORIES, type MerchantCategory } from '../../core/member-kind'
import { starText } from '../../core/merchant/star-terms'
import { formatLocalTime, periodsOf } from '../../core/period'
import { formatInviteCode } from '../../core/roster/invite-code'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import '../merchant.css'

/**
 * 商家联盟 (the committee's workbench): the alliance's merchants with their points and their owners' codes, 添加商家, this month's
 * 星级评比 (by the 评星标准 it publishes on its own page) and 开培训 with its sign-in code. Inspections go through 入户评分 (the storefront sign's QR).
 */
export default function AlliancePage() {
  const elder = useElderMode()
  const allianceId = useRouter().params.orgId ?? ''
  const { state, reload } = useEnvelope(() => merchants(allianceId), [allianceId])
  return (
    <View className={`screen ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(list) => (
          <View>
            <View className="card">
              <Text className="section-title">{list.alliance.name}的商家</Text>
              {list.merchants.length === 0 && <Text className="muted-text">还没有商家，请在下面添加</Text>}
              {list.merchants.map((m) => (
                <MerchantRow key={m.id} merchant={m} />
              ))}
            </View>
            <AddMerchant allianceId={allianceId} onAdded={reload} />
            <RateStars allianceId={allianceId} />
            <OpenTraining allianceId={allianceId} />
          </View>
        )}
      </Loaded>
    </View>
  )
}

function MerchantRow({ merchant }: { merchant: MerchantView }) {
  return (
    <View className="merchant__row">
      <Text className="merchant__name">{merchant.tradeName}</Text>
      <Text className="plain-text">
        {merchant.trade} · {merchant.address} · 店主 {merchant.ownerName} · {merchant.balance} 分
      </Text>
      <OwnerCode merchant={merchant} />
    </View>
  )
}

/** 发店主邀请码: the one-time code the owner types in 绑定我家, shown once, as a village's household invite is. */
function OwnerCode({ merchant }: { merchant: MerchantView }) {
  const [issued, setIssued] = useState<ShownOnce<IssuedInvite> | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const intent = useIntentRequestId()
  const issue = async () => {
    const answer = await issueInvite(intent.idFor({ owner: merchant.id }), merchant.id)
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    setProblem(null)
    setIssued(answer.data)
  }
  const code = issued ? shownCode(issued) : null
  return (
    <View>
      {issued && code && (
        <View>
          <Text className="merchant__code">{formatInviteCode(code)}</Text>
          <Text className="plain-text">请店主在小程序首页点“绑定我家”，输入这个邀请码。</Text>
          <Text className="muted-text">只能用一次，{formatLocalTime(issued.expiresAt)} 前有效。这个码只显示这一次，请现在告诉店主。</Text>
        </View>
      )}
      {issued && !code && <Text className="plain-text">邀请码已发出，尾号 {issued.tail}。这个码只显示一次；如未记下，请再发一个。</Text>}
      {problem && <Text className="merchant__problem">{problem}</Text>}
      <BigButton kind="plain" onClick={() => void issue()}>
        {`发${merchant.tradeName}店主的邀请码`}
      </BigButton>
    </View>
  )
}

function AddMerchant({ allianceId, onAdded }: { allianceId: string; onAdded: () => void }) {
  const [tradeName, setTradeName] = useState('')
  const [trade, setTrade] = useState<MerchantCategory>('餐饮')
  const [ownerName, setOwnerName] = useState('')
  const [address, setAddress] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const intent = useIntentRequestId()
  const add = async () => {
    const input = { allianceId, tradeName: tradeName.trim(), trade, ownerName: ownerName.trim(), address: address.trim() }
    const answer = await addMerchant({ requestId: intent.idFor(input), ...input })
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    setProblem(null)
    setTradeName('')
    setOwnerName('')
    setAddress('')
    onAdded()
  }
  return (
    <View className="card">
      <Text className="section-title">添加商家</Text>
      <Text className="plain-text">字号（店名）</Text>
      <Input className="merchant__input" value={tradeName} maxlength={30} placeholder="例如：老街面馆" onInput={(e) => setTradeName(e.detail.value)} />
      <Text className="plain-text">业态</Text>
      {MERCHANT_CATEGORIES.map((t) => (
        <ChoiceChip key={t} on={trade === t} onClick={() => setTrade(t)}>
          {t}
        </ChoiceChip>
      ))}
      <Text className="plain-text">店主姓名（不公开）</Text>
      <Input className="merchant__input" value={ownerName} maxlength={20} placeholder="例如：吴海林" onInput={(e) => setOwnerName(e.detail.value)} />
      <Text className="plain-text">店址</Text>
      <Input className="merchant__input" value={address} maxlength={40} placeholder="例如：百步老街 12 号" onInput={(e) => setAddress(e.detail.value)} />
      {problem && <Text className="merchant__problem">{problem}</Text>}
      <BigButton onClick={() => void add()}>添加</BigButton>
    </View>
  )
}

function RateStars({ allianceId }: { allianceId: string }) {
  const month = periodsOf(new Date()).month
  const [rated, setRated] = useState<StarRatingsView | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const intent = useIntentRequestId()
  const rate = async () => {
    const answer = await rateStars(intent.idFor({ allianceId, month }), allianceId, month)
    if (!answer.ok) return setProblem(answer.error.message)
    setProblem(null)
    setRated(answer.data)
  }
  return (
    <View className="card">
      <Text className="section-title">星级评比（{month}）</Text>
      <Text className="muted-text">按联盟公布的评星标准评；评过的结果保留，不会再改。</Text>
      <BigButton kind="plain" onClick={() => void rate()}>
        评本月星级
      </BigButton>
      <BigButton kind="plain" onClick={() => void Taro.navigateTo({ url: `/merchant/star-terms/index?orgId=${encodeURIComponent(allianceId)}` })}>
        评星标准
      </BigButton>
      {problem && <Text className="merchant__problem">{problem}</Text>}
      {rated?.ratings.map((r) => (
        <Text key={r.merchantId} className="plain-text merchant__row">
          {r.tradeName}：{starText(r.stars)}（近期积分 {r.points} 分）
        </Text>
      ))}
    </View>
  )
}

function OpenTraining({ allianceId }: { allianceId: string }) {
  const [title, setTitle] = useState('')
  const [code, setCode] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const intent = useIntentRequestId()
  const open = async () => {
    const input = { allianceId, title: title.trim(), hours: 3 }
    const answer = await openTraining(intent.idFor(input), input.allianceId, input.title, input.hours)
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    setProblem(null)
    setCode(shownCode(answer.data))
  }
  return (
    <View className="card">
      <Text className="section-title">开培训签到</Text>
      <Text className="plain-text">培训主题</Text>
      <Input className="merchant__input" value={title} maxlength={40} placeholder="例如：食品安全法规培训" onInput={(e) => setTitle(e.detail.value)} />
      {problem && <Text className="merchant__problem">{problem}</Text>}
      <BigButton onClick={() => void open()}>开始签到（3 小时内有效）</BigButton>
      {code && (
        <View>
          <Text className="plain-text">请店主在“培训签到”里输入：</Text>
          <Text className="merchant__code">{code}</Text>
          <Text className="muted-text">签到码只显示这一次，离开本页后看不到。</Text>
        </View>
      )}
    </View>
  )
}
