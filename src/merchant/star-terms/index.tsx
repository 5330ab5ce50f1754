import { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { publishStarTerms, starTerms } from '../../api/merchant'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { NeedsLink } from '../../components/needs-link'
import type { StarTermsPage, StarTermsView } from '../../core/contracts/merchant'
import type { StarBand } from '../../core/merchant/star-terms'
import { formatYuan, parseYuan } from '../../core/money'
import { formatLocalTime, localDay } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import '../merchant.css'

/**
 * 评星标准: an alliance's published star terms (the version in force and the ones before it), readable by
 * anyone, and for its committee (or the street's admin) a new version, as a bank's 本行规则 page is.
 */
export default function StarTermsPageView() {
  const allianceId = useRouter().params.orgId ?? ''
  return allianceId ? <StarTerms allianceId={allianceId} /> : <NeedsLink sentence="要看哪个商家联盟的评星标准？请从「商家联盟」里点「评星标准」。" />
}

function StarTerms({ allianceId }: { allianceId: string }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => starTerms(allianceId), [allianceId])
  const [published, setPublished] = useState<StarTermsView | null>(null)
  return (
    <View className={`screen ${elder.rootClass}`}>
      {published && (
        <View className="card">
          <Text className="plain-text">
            已发布第 {published.version} 版，{published.effectiveFrom} 起施行。
          </Text>
        </View>
      )}
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <View>
            <Versions page={page} />
            {page.mayPublish && (
              <PublishForm
                allianceId={allianceId}
                from={page.versions.find((v) => v.inForce) ?? page.versions[0] ?? null}
                onPublished={(view) => {
                  setPublished(view)
                  reload()
                }}
              />
            )}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function Versions({ page }: { page: StarTermsPage }) {
  return (
    <View className="card">
      <Text className="section-title">{page.alliance.name}的评星标准</Text>
      {page.versions.length === 0 && <Text className="muted-text">还没有发布过评星标准。发布以前，评不了星级。</Text>}
      {page.versions.map((v) => (
        <View key={v.id} className="merchant__row">
          <Text className="plain-text">
            第 {v.version} 版，{v.effectiveFrom} 起施行{v.inForce ? '（现行）' : ''}
          </Text>
          {v.bandLines.map((line) => (
            <Text key={line} className="plain-text merchant__line">
              {line}
            </Text>
          ))}
          <Text className="plain-text merchant__line">上红榜：至少 {v.redMinStars} 星，且没有没整改完的通报</Text>
          <Text className="plain-text merchant__line">上黑榜：积分低于 {v.blackLine} 分，或有没整改完的通报</Text>
          <Text className="muted-text">发布于 {formatLocalTime(v.publishedAt)}</Text>
        </View>
      ))}
      <Text className="muted-text">已发布的标准不能修改，只能发布新的一版；已评出的星级不受影响。</Text>
    </View>
  )
}

type BandDraft = { minPoints: string; stars: string; reward: string }
const EMPTY_BAND: BandDraft = { minPoints: '', stars: '', reward: '' }

/** A typed whole number ("-20", "１０" typed with a full-width keyboard too), or null. */
function wholeNumber(text: string): number | null {
  const typed = text.trim().replace(/[－—]/g, '-').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
  return /^-?\d{1,6}$/.test(typed) ? Number(typed) : null
}

/** The typed bands as whole numbers (points, stars, fen), or the first problem in plain words; the server judges the rest. */
function readBands(drafts: readonly BandDraft[]): StarBand[] | string {
  const bands: StarBand[] = []
  for (const [i, draft] of drafts.entries()) {
    const minPoints = wholeNumber(draft.minPoints)
    const stars = wholeNumber(draft.stars)
    const rewardFen = draft.reward.trim() === '' ? 0 : parseYuan(draft.reward)
    if (minPoints === null) return `第 ${i + 1} 档：积分要填整数，例如 10`
    if (stars === null) return `第 ${i + 1} 档：星级要填 1 到 5 的整数`
    if (rewardFen === null) return `第 ${i + 1} 档：奖励要填金额（元），不奖就空着`
    bands.push(rewardFen > 0 ? { minPoints, stars, rewardFen } : { minPoints, stars })
  }
  return bands
}

/** A new version, filled in from the one in force so the committee changes only what changes. */
function PublishForm({ allianceId, from, onPublished }: { allianceId: string; from: StarTermsView | null; onPublished: (view: StarTermsView) => void }) {
  const [effectiveFrom, setEffectiveFrom] = useState(localDay(new Date()))
  const [windowMonths, setWindowMonths] = useState(from ? String(from.windowMonths) : '')
  const [drafts, setDrafts] = useState<BandDraft[]>(
    from ? from.bands.map((b) => ({ minPoints: String(b.minPoints), stars: String(b.stars), reward: b.rewardFen ? formatYuan(b.rewardFen) : '' })) : [{ ...EMPTY_BAND }],
  )
  const [redMinStars, setRedMinStars] = useState(from ? String(from.redMinStars) : '')
  const [blackLine, setBlackLine] = useState(from ? String(from.blackLine) : '')
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const intent = useIntentRequestId()
  const edit = (index: number, field: keyof BandDraft, value: string) => setDrafts(drafts.map((d, i) => (i === index ? { ...d, [field]: value } : d)))

  const publish = async () => {
    if (sending) return
    const bands = readBands(drafts)
    if (typeof bands === 'string') return setProblem(bands)
    const months = wholeNumber(windowMonths)
    const red = wholeNumber(redMinStars)
    const line = wholeNumber(blackLine)
    if (months === null) return setProblem('评比看几个月的积分？请填整数，例如 3')
    if (red === null) return setProblem('上红榜至少要几星？请填 1 到 5 的整数')
    if (line === null) return setProblem('黑榜线要填整数，例如 -20')
    setProblem(null)
    setSending(true)
    const input = { allianceId, effectiveFrom: effectiveFrom.trim(), windowMonths: months, bands, redMinStars: red, blackLine: line }
    const answer = await publishStarTerms({ requestId: intent.idFor(input), ...input })
    setSending(false)
    if (!answer.ok) return setProblem(answer.error.message)
    intent.done()
    onPublished(answer.data)
  }

  return (
    <View className="card">
      <Text className="section-title">发布新的一版</Text>
      <Text className="plain-text">生效日期（年-月-日，今天或以后）</Text>
      <Input className="merchant__input" value={effectiveFrom} maxlength={10} onInput={(e) => setEffectiveFrom(e.detail.value)} />
      <Text className="plain-text">评比看近几个月的积分</Text>
      <Input className="merchant__input" type="number" value={windowMonths} maxlength={2} placeholder="几个月，例如：3" onInput={(e) => setWindowMonths(e.detail.value)} />
      <Text className="plain-text">每一档：积分满多少分，评几星（从低到高填）</Text>
      {drafts.map((draft, i) => (
        <View key={i} className="merchant__row">
          <Text className="plain-text">第 {i + 1} 档</Text>
          <Text className="plain-text">积分满（分）</Text>
          <Input className="merchant__input" value={draft.minPoints} maxlength={6} placeholder={`第 ${i + 1} 档的积分`} onInput={(e) => edit(i, 'minPoints', e.detail.value)} />
          <Text className="plain-text">评几星（1 到 5）</Text>
          <Input className="merchant__input" type="number" value={draft.stars} maxlength={1} placeholder={`第 ${i + 1} 档几星`} onInput={(e) => edit(i, 'stars', e.detail.value)} />
          <Text className="plain-text">年度表彰奖励（元，不奖就空着）</Text>
          <Input className="merchant__input" type="digit" value={draft.reward} maxlength={12} onInput={(e) => edit(i, 'reward', e.detail.value)} />
          {drafts.length > 1 && (
            <BigButton kind="plain" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
              {`去掉第 ${i + 1} 档`}
            </BigButton>
          )}
        </View>
      ))}
      <BigButton kind="plain" onClick={() => setDrafts([...drafts, { ...EMPTY_BAND }])}>
        加一档
      </BigButton>
      <Text className="plain-text">上红榜至少要几星</Text>
      <Input className="merchant__input" type="number" value={redMinStars} maxlength={1} placeholder="上红榜几星，例如：4" onInput={(e) => setRedMinStars(e.detail.value)} />
      <Text className="plain-text">黑榜线：积分低于多少分上黑榜</Text>
      <Input className="merchant__input" value={blackLine} maxlength={6} placeholder="黑榜线，例如：-20" onInput={(e) => setBlackLine(e.detail.value)} />
      {problem && <Text className="merchant__problem">{problem}</Text>}
      <BigButton onClick={() => void publish()}>{sending ? '正在发布…' : '发布'}</BigButton>
    </View>
  )
}
