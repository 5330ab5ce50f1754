import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { ledger } from '../../api/score'
import type { HouseholdView } from '../../core/contracts/account'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import { BigButton } from '../big-button'
import { HouseholdCard } from '../household-card'
import { OfflineBanner } from '../offline-banner'
import { VillagerLinks } from './villager-links'

/**
 * The villager's part of 首页: the household card with this month's change (and the newest balance,
 * both from the ledger, asked again each time the page shows) and the quick links. When the newest
 * cannot be had (no network), the last figures stay with the time they are from above them.
 */
export function VillagerHome({ household }: { household: HouseholdView }) {
  const { state, reload } = useEnvelope(() => ledger({ limit: 1 }), [household.id])
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const shown = useRef({ at: new Date(), answer: null as Extract<typeof state, { status: 'ok' }>['data'] | null })
  if (state.status === 'ok' && state.data.householdId === household.id && shown.current.answer !== state.data) {
    shown.current = { at: new Date(), answer: state.data }
  }
  const fresh = shown.current.answer?.householdId === household.id ? shown.current.answer : null
  const elder = useElderMode()
  const showCard = <BigButton onClick={() => void Taro.navigateTo({ url: '/pages/card/index' })}>出示积分卡</BigButton>
  return (
    <>
      {state.status === 'error' && <OfflineBanner figuresAt={shown.current.at} />}
      {/* 长辈模式 puts what the shop asks for first, so a 320×568 phone shows it without scrolling. */}
      {elder.on && showCard}
      <HouseholdCard household={fresh ? { ...household, balance: fresh.balance } : household} thisMonth={fresh?.thisMonth ?? null} />
      {!elder.on && showCard}
      <VillagerLinks />
    </>
  )
}
