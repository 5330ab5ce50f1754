import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { bankTerms, publishBankTerms } from '../../api/credit'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { BankTermsPage } from '../../core/contracts/credit'
import { parsePercentagePoints, TERMS_BASES, TERMS_BASIS_LABELS, type TermsBand, type TermsBasis } from '../../core/credit/bank-terms'
import { parseYuan } from '../../core/money'
import { formatLocalTime, localDay } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import '../credit.css'

/** 本行规则: the bank's published versions of its 善治贷 terms, and (for the bank's own officers) a new version. */
export default function TermsPage() {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => bankTerms(), [])
  return (
    <View className={`screen credit ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Versions page={data} />
            {data.mayPublish && <PublishForm onPublished={reload} />}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function Versions({ page }: { page: BankTermsPage }) {
  return (
    <View className="card">
      <Text className="section-title">{page.bank.name}的善治贷规则</Text>
      {page.versions.length === 0 && <Text className="muted-text">还没有发布过规则。农户开证明时看不到本行的优惠。</Text>}
      {page.versions.map((v) => (
        <View key={v.id} className="credit__look">
          <Text className="plain-text">
            第 {v.version} 版，{v.effectiveFrom} 起施行{v.inForce ? '（现行）' : ''}
          </Text>
          {v.bandLines.map((line) => (
            <Text key={line} className="muted-text">
              {line}
            </Text>
          ))}
          <Text className="muted-text">发布于 {formatLocalTime(v.publishedAt)}</Text>
        </View>
      ))}
      <Text className="muted-text">已发布的规则不能修改，只能发布新的一版；农户已开出的证明不受影响。</Text>
    </View>
  )
}

type BandDraft = { minPoints: string; discount: string; creditLine: string }
const EMPTY_BAND: BandDraft = { minPoints: '', discount: '', creditLine: '' }

/** The typed bands as whole numbers (points, basis points, fen), or the first problem in plain words. */
function readBands(drafts: readonly BandDraft[]): TermsBand[] | string {
  const bands: TermsBand[] = []
  for (const [i, draft] of drafts.entries()) {
    const minPoints = Number(draft.minPoints.trim())
    const discountBp = parsePercentagePoints(draft.discount)
    const creditLineFen = draft.creditLine.trim() === '' ? 0 : parseYuan(draft.creditLine)
    if (!Number.isSafeInteger(minPoints) || minPoints < 1) return `第 ${i + 1} 档：起点积分要填整数`
    if (discountBp === null) return `第 ${i + 1} 档：利率优惠要填数字，例如 0.1`
    if (creditLineFen === null) return `第 ${i + 1} 档：授信额度要填金额（元）`
    bands.push({ minPoints, discountBp, creditLineFen })
  }
  return bands
}

function PublishForm({ onPublished }: { onPublished: () => void }) {
  const [effectiveFrom, setEffectiveFrom] = useState(localDay(new Date()))
  const [basis, setBasis] = useState<TermsBasis>('thisYear')
  const [drafts, setDrafts] = useState<BandDraft[]>([{ ...EMPTY_BAND }])
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const intent = useIntentRequestId()
  const edit = (index: number, field: keyof BandDraft, value: string) => setDrafts(drafts.map((d, i) => (i === index ? { ...d, [field]: value } : d)))

  const publish = async () => {
    if (sending) return
    const bands = readBands(drafts)
    if (typeof bands === 'string') return setProblem(bands)
    setProblem(null)
    setSending(true)
    const input = { effectiveFrom: effectiveFrom.trim(), basis, bands }
    const answer = await publishBankTerms({ requestId: intent.idFor(input), ...input })
    setSending(false)
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    setDrafts([{ ...EMPTY_BAND }])
    onPublished()
  }

  return (
    <View className="card">
      <Text className="section-title">发布新的一版</Text>
      <Text className="plain-text">生效日期（年-月-日）</Text>
      <Input className="credit__input" value={effectiveFrom} maxlength={10} onInput={(event) => setEffectiveFrom(event.detail.value)} />
      <Text className="plain-text">按哪年的积分</Text>
      {TERMS_BASES.map((b) => (
        <View key={b} className={`credit__choice ${basis === b ? 'credit__choice--on' : ''}`} onClick={() => setBasis(b)}>
          {basis === b ? '●' : '○'} {TERMS_BASIS_LABELS[b]}
        </View>
      ))}
      <Text className="plain-text">每一档：积分满多少分，利率优惠几个百分点，授信最高多少元</Text>
      {drafts.map((draft, i) => (
        <View key={i} className="credit__band">
          <Text className="muted-text">第 {i + 1} 档</Text>
          <Input className="credit__band-input" type="number" value={draft.minPoints} placeholder="积分" onInput={(e) => edit(i, 'minPoints', e.detail.value)} />
          <Input className="credit__band-input" type="digit" value={draft.discount} placeholder="百分点" onInput={(e) => edit(i, 'discount', e.detail.value)} />
          <Input className="credit__band-input" type="digit" value={draft.creditLine} placeholder="额度(元)" onInput={(e) => edit(i, 'creditLine', e.detail.value)} />
        </View>
      ))}
      <BigButton kind="plain" onClick={() => setDrafts([...drafts, { ...EMPTY_BAND }])}>
        加一档
      </BigButton>
      {drafts.length > 1 && (
        <BigButton kind="plain" onClick={() => setDrafts(drafts.slice(0, -1))}>
          去掉最后一档
        </BigButton>
      )}
      {problem && <Text className="credit__problem">{problem}</Text>}
      <BigButton onClick={() => void publish()}>{sending ? '正在发布…' : '发布'}</BigButton>
    </View>
  )
}
