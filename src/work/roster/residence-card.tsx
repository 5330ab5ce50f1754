import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { setCommunity } from '../../api/org'
import { ChoiceChip } from '../../components/choice-chip'
import type { HouseholdDetail, OrgRef } from '../../core/contracts/account'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import './roster.css'

/**
 * 居住社区 (村社联动, 3.0): a household that moved into one of the street's communities is scored
 * there by the community; its points stay on this village's account. Shown when the street has any.
 */
export function ResidenceCard({ detail }: { detail: HouseholdDetail }) {
  const [community, setShown] = useState<OrgRef | null>(detail.community)
  const [error, setError] = useState<string | null>(null)
  const intent = useIntentRequestId()
  if (detail.communities.length === 0) return null

  async function choose(next: OrgRef | null) {
    setError(null)
    const params = { householdId: detail.household.id, communityId: next?.id ?? null }
    const answer = await setCommunity(intent.idFor(params), params.householdId, params.communityId)
    if (!answer.ok) return setError(answer.error.message)
    intent.done()
    setShown(answer.data.community)
  }

  const options: (OrgRef | null)[] = [null, ...detail.communities]
  return (
    <View className="card">
      <Text className="section-title">居住社区（村社联动）</Text>
      <Text className="plain-text roster__residence">{community ? `现在住在${community.name}` : '住在本村，不在社区'}</Text>
      <View>
        {options.map((option) => (
          <ChoiceChip key={option?.id ?? 'home'} on={(community?.id ?? null) === (option?.id ?? null)} onClick={() => void choose(option)}>
            {option ? option.name : '住在本村'}
          </ChoiceChip>
        ))}
      </View>
      <Text className="muted-text">住进社区的股东户由社区评分，积分仍记在本村的账上。</Text>
      {error && <Text className="roster__error">{error}</Text>}
    </View>
  )
}
