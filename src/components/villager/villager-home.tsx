import { useEffect } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { ledger } from '../../api/score'
import type { HouseholdView } from '../../core/contracts/account'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'
import { HouseholdCard } from '../household-card'
import { VillagerLinks } from './villager-links'

/**
 * The villager's part of 首页: the household card with this month's change (and the newest balance,
 * both from the ledger, asked again each time the page shows) and the quick links.
 */
export function VillagerHome({ household }: { household: HouseholdView }) {
  const { state, reload } = useEnvelope(() => ledger({ limit: 1 }), [household.id])
  useReloadOnReturn(reload)
  useEffect(() => onDemoIdentityChange(reload), [reload])
  const fresh = state.status === 'ok' && state.data.householdId === household.id ? state.data : null
  return (
    <>
      <HouseholdCard household={fresh ? { ...household, balance: fresh.balance } : household} thisMonth={fresh?.thisMonth ?? null} />
      <VillagerLinks />
    </>
  )
}
