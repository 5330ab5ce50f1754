import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { cardToken, myCard } from '../../api/card'
import { formatCardCode } from '../../core/card/card-code'
import { formatCardNumber } from '../../core/card/card-number'
import { CARD_TOKEN_LIFETIME_MS } from '../../core/card/token'
import type { MyCard, MyCardToken } from '../../core/contracts/card'
import type { ApiError } from '../../core/contracts/envelope'
import { BigButton } from '../../components/big-button'
import { CardQr } from '../../components/card-qr'
import { ErrorView } from '../../components/error-view'
import { LoadingView } from '../../components/loading-view'
import { ReceiptCard } from '../../components/receipt-card'
import { PrivacyPopup } from '../../components/privacy-popup'
import { useElderMode } from '../../hooks/use-elder-mode'
import './index.css'

/** A new code this long before the old one expires, so the shop never scans a dying one. */
const REFRESH_BEFORE_EXPIRY_MS = 10_000
/** How often the open card looks for a new balance and receipt (the shop's scan shows up here). */
const POLL_MS = 4_000

/**
 * 股东积分卡: the household's card with a QR code the shop scans. The code is a one-time token that
 * lives 60 s and is renewed while the card is open; after a redemption the receipt appears here too.
 */
export default function CardPage() {
  const [card, setCard] = useState<MyCard | null>(null)
  const [token, setToken] = useState<MyCardToken | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [secondsLeft, setSecondsLeft] = useState(0)
  // The code last copied: its next step shows until the code is replaced.
  const [copiedCode, setCopiedCode] = useState<string | null>(null)
  const openedAt = useRef(Date.now())
  const elder = useElderMode()

  const loadCard = useCallback(async () => {
    const answer = await myCard()
    if (answer.ok) setCard(answer.data)
    else setError(answer.error)
  }, [])

  const loading = useRef(false)
  const loadToken = useCallback(async () => {
    if (loading.current) return
    loading.current = true
    // The lifetime counted on this phone's clock from before the ask, never from the server's expiresAt:
    // a phone whose clock is fast or slow still shows each code its whole minute, and renews in time.
    const askedAt = Date.now()
    const answer = await cardToken()
    loading.current = false
    if (answer.ok) setToken({ ...answer.data, expiresAt: new Date(askedAt + CARD_TOKEN_LIFETIME_MS).toISOString() })
    else setError(answer.error)
  }, [])

  const start = useCallback(() => {
    setError(null)
    void loadCard()
    void loadToken()
  }, [loadCard, loadToken])

  useEffect(start, [start])

  useEffect(() => {
    if (!token) return
    const tick = () => {
      const left = Date.parse(token.expiresAt) - Date.now()
      setSecondsLeft(Math.max(0, Math.ceil((left - REFRESH_BEFORE_EXPIRY_MS) / 1000)))
      if (left <= REFRESH_BEFORE_EXPIRY_MS) void loadToken()
    }
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [token, loadToken])

  useEffect(() => {
    const timer = setInterval(() => void loadCard(), POLL_MS)
    return () => clearInterval(timer)
  }, [loadCard])

  const latest = card?.latestReceipt ?? null
  const justRedeemed = latest && Date.parse(latest.redeemedAt) >= openedAt.current - 5_000 ? latest : null

  // A used code is worthless: show a fresh one as soon as the receipt arrives.
  const shownReceipt = useRef<string | null>(null)
  useEffect(() => {
    if (justRedeemed && shownReceipt.current !== justRedeemed.receiptId) {
      shownReceipt.current = justRedeemed.receiptId
      void loadToken()
    }
  }, [justRedeemed, loadToken])

  if (error) return <View className={`screen card-page ${elder.rootClass}`}><ErrorView error={error} onRetry={start} /></View>
  if (!card) return <View className={`screen card-page ${elder.rootClass}`}><LoadingView /></View>

  return (
    <View className={`screen card-page ${elder.rootClass}`}>
      <PrivacyPopup />
      <View className="card card-page__card">
        <Text className="card-page__name">{card.householdName} 家</Text>
        <Text className="card-page__line">
          {card.villageName} · 门牌 {card.houseNo}
        </Text>
        <Text className="card-page__line">卡号：{formatCardNumber(card.cardNumber)}</Text>
        <View className="card-page__balance">
          <Text className="card-page__balance-label">可用积分</Text>
          <Text className="card-page__balance-value">{card.balance} 分</Text>
        </View>
      </View>

      {justRedeemed && <ReceiptCard receipt={justRedeemed} title="兑换成功" />}

      <View className="card card-page__qr">
        <Text className="section-title">请店员扫这个码</Text>
        {token ? <CardQr text={token.token} /> : <LoadingView />}
        <Text className="muted-text">二维码和数字码只能用一次，{secondsLeft} 秒后自动换新的。不要拍给别人。</Text>
        {token && (
          <View className="card-page__code">
            <Text className="card-page__code-label">店员扫不了码时，把这串数字念给店员：</Text>
            <Text className="card-page__code-text" selectable>
              {formatCardCode(token.code)}
            </Text>
            <BigButton kind="plain" onClick={() => void Taro.setClipboardData({ data: token.code }).then(() => setCopiedCode(token.code))}>
              复制数字码
            </BigButton>
            {copiedCode === token.code && (
              <Text className="plain-text">已复制。在微信里发给店员，她粘贴到「积分兑换」的数字码框里，点「查看这张卡」；{secondsLeft} 秒内有效。</Text>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
