import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { listHouseholds } from '../api/roster'
import type { HouseholdView } from '../core/contracts/account'

/**
 * A page opened with router param householdId (入户评分 from a door plate, pages/plate) starts with that
 * household chosen: once it is found among the unit's households, `choose` gets it, once.
 */
export function usePreselectedHousehold(orgId: string, choose: (households: HouseholdView[]) => void): void {
  const householdId = useRouter().params.householdId
  useEffect(() => {
    if (!householdId) return
    void listHouseholds(orgId).then((answer) => {
      const household = answer.ok ? answer.data.households.find((h) => h.id === householdId) : undefined
      if (household) choose([household])
    })
  }, [orgId, householdId])
}
