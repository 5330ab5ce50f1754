import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { listHouseholds } from '../../api/roster'
import { Loaded } from '../../components/loaded'
import { useEnvelope } from '../../hooks/use-envelope'
import { HouseholdRow } from '../components/household-row'
import { SearchBar } from '../components/search-bar'
import { WithScope } from '../../components/with-scope'
import './index.css'

/** 农户名单: the households of one organisation (router param orgId), searchable by name or 门牌. */
export default function HouseholdsPage() {
  return (
    <WithScope permission="viewHouseholds" kinds={['street', 'village', 'community', 'villager_group', 'grid', 'micro_grid']} question="看哪里的农户？">
      {(orgId) => <Households orgId={orgId} />}
    </WithScope>
  )
}

function Households({ orgId }: { orgId: string }) {
  const [search, setSearch] = useState('')
  const { state, reload } = useEnvelope(() => listHouseholds(orgId, search), [orgId, search])

  // Searching the same words again means "look again", so it reloads instead of doing nothing.
  const searchFor = (text: string) => (text.trim() === search ? reload() : setSearch(text.trim()))

  const orgName = state.status === 'ok' ? state.data.org.name : null
  useEffect(() => {
    if (orgName) void Taro.setNavigationBarTitle({ title: `${orgName} 农户` })
  }, [orgName])

  return (
    <View className="screen households">
      <SearchBar placeholder="输入户主姓名或门牌" onSearch={searchFor} />
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="households__summary">
              {data.org.name}
              {search ? `，找到“${search}”` : ''} 共 {data.households.length} 户
            </Text>
            {data.households.length > 0 && <Text className="muted-text">点一户，看这户的积分明细。</Text>}
            {data.households.length === 0 && (
              <Text className="plain-text">没有找到符合的农户，请换个名字或门牌再找。</Text>
            )}
            {data.households.map((household) => (
              <View
                key={household.id}
                onClick={() => void Taro.navigateTo({ url: `/work/household-ledger/index?householdId=${encodeURIComponent(household.id)}` })}
              >
                <HouseholdRow household={household} />
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}
