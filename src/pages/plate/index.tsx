import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import { openPlate } from '../../api/door-plates'
import { ledger } from '../../api/score'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { LedgerLineCard } from '../../components/ledger-line'
import { StorefrontCard } from '../../components/storefront-card'
import type { PlateOpening } from '../../core/contracts/account'
import type { ApiError } from '../../core/contracts/envelope'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import './index.css'

/** How many of the household's latest ledger lines a scorer sees before scoring it. */
const LAST_SCORES = 3

/**
 * 门牌: what a door plate opens. WeChat's camera opens this page with the plate's link as `q`
 * (扫普通链接二维码打开小程序); the H5 link and the app's own links carry the signed plate as `p`.
 * Without either it offers 扫门牌 (wx.scanCode) and a box for the code printed under the QR.
 * The server decides by who scans: the household's scorer gets 入户评分 for it, its members their
 * home, anyone else the public card; a merchant's plate is its storefront sign (stars, 红黑榜, 我要反映).
 */
export default function PlatePage() {
  const params = useRouter().params
  const linked = params.q ? decodeURIComponent(params.q) : (params.p ?? '')
  const [plate, setPlate] = useState(linked)
  return plate ? <OpenedPlate key={plate} plate={plate} onAgain={() => setPlate('')} /> : <PlateScanner onPlate={setPlate} />
}

function PlateScanner({ onPlate }: { onPlate: (plate: string) => void }) {
  const elder = useElderMode()
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const scan = async () => {
    try {
      onPlate((await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result)
    } catch {
      setProblem('没有扫到，请再试一次，或输入门牌二维码下面的码')
    }
  }
  return (
    <View className={`screen ${elder.rootClass} plate-page`}>
      <View className="card">
        <BigButton onClick={() => void scan()}>扫门牌上的二维码</BigButton>
        <Text className="plain-text">或输入门牌二维码下面的 10 位码：</Text>
        <Input className="plate-page__input" value={typed} maxlength={12} placeholder="例如 7KQ2M-XD4PA" onInput={(event) => setTyped(event.detail.value)} />
        <BigButton kind="plain" onClick={() => (typed.trim() ? onPlate(typed.trim()) : setProblem('请输入门牌码'))}>
          打开这块门牌
        </BigButton>
        {problem && <Text className="plate-page__problem">{problem}</Text>}
      </View>
    </View>
  )
}

function OpenedPlate({ plate, onAgain }: { plate: string; onAgain: () => void }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => openPlate(plate), [plate])
  const opening = state.status === 'ok' ? state.data : null
  useEffect(() => {
    if (opening?.open === 'home') void Taro.switchTab({ url: '/pages/home/index' })
  }, [opening])
  const refused = (error: ApiError, standard: ReactNode) =>
    error.code === 'PLATE_INVALID' || error.code === 'PLATE_REVOKED' ? <Refused message={error.message} onAgain={onAgain} /> : standard
  return (
    <View className={`screen ${elder.rootClass} plate-page`}>
      <Loaded state={state} onRetry={reload} errorView={refused}>
        {(data) => <Opening opening={data} />}
      </Loaded>
    </View>
  )
}

function Refused({ message, onAgain }: { message: string; onAgain: () => void }) {
  return (
    <View className="card">
      <Text className="plate-page__problem">{message}</Text>
      <BigButton kind="plain" onClick={onAgain}>
        再扫一次
      </BigButton>
    </View>
  )
}

function Opening({ opening }: { opening: PlateOpening }) {
  if (opening.open === 'home') return <Text className="plain-text">这是您家的门牌，正在打开首页…</Text>
  if (opening.open === 'inspect') return <ScoreThisHousehold opening={opening} />
  if (opening.open === 'storefront') return <StorefrontCard storefront={opening.storefront} />
  return (
    <View className="card plate-page__public">
      <Text className="plate-page__house">{opening.houseNo}</Text>
      <Text className="plain-text">
        {opening.village} · {opening.label}
      </Text>
      {opening.notices === null ? (
        <Text className="muted-text">这户的整改通报只给本村的村民和干部看。</Text>
      ) : opening.notices.length === 0 ? (
        <Text className="plate-page__clean">通报栏上没有这户的整改通报。</Text>
      ) : (
        <View>
          <Text className="section-title">通报栏上这户的整改通报</Text>
          {opening.notices.map((notice) => (
            <View key={`${notice.deadline}-${notice.problem}`} className="plate-page__notice">
              <Text className="plate-page__notice-status">{notice.statusLabel}</Text>
              <Text className="plain-text">{notice.rule ?? notice.problem}</Text>
              <Text className="muted-text">整改期限 {formatLocalTime(notice.deadline)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function ScoreThisHousehold({ opening }: { opening: Extract<PlateOpening, { open: 'inspect' }> }) {
  const { household, orgId } = opening
  const { state, reload } = useEnvelope(() => ledger({ householdId: household.id, limit: LAST_SCORES }), [household.id])
  const inspect = () =>
    Taro.navigateTo({ url: `/work/inspect/index?orgId=${encodeURIComponent(orgId)}&householdId=${encodeURIComponent(household.id)}` })
  return (
    <View>
      <View className="card">
        <Text className="plate-page__house">{household.houseNo}</Text>
        <Text className="plain-text">
          {household.name} 家{household.group ? ` · ${household.group.name}` : ''} · 现有 {household.balance} 分
        </Text>
        <BigButton onClick={() => void inspect()}>给这户入户评分</BigButton>
      </View>
      <Text className="section-title">最近的积分</Text>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.lines.length === 0 ? (
            <Text className="plain-text">这户还没有积分记录。</Text>
          ) : (
            <View>
              {page.lines.map((line) => (
                <LedgerLineCard key={line.id} line={line} balanceText={`之后 ${line.balanceAfter} 分`} />
              ))}
            </View>
          )
        }
      </Loaded>
    </View>
  )
}
