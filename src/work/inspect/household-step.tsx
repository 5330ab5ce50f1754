import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { walkHouseholds } from '../../api/walk-copies'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { HouseholdView } from '../../core/contracts/account'
import type { MemberWords } from '../../core/member-kind'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { SearchBar } from '../components/search-bar'

type Props = {
  orgId: string
  words: MemberWords
  selected: HouseholdView[]
  onChange: (selected: HouseholdView[]) => void
  onNext: () => void
}

/** Step 1: find households (an alliance's merchants) by name or 门牌 and tick them; the ticks survive a new search. */
export function HouseholdStep({ orgId, words, selected, onChange, onNext }: Props) {
  const elder = useElderMode()
  const [search, setSearch] = useState('')
  const [shown, setShown] = useState(0)
  const { state, reload } = useEnvelope(() => walkHouseholds(orgId, search), [orgId, search])
  const pageSize = elder.pageSize(30)

  const searchFor = (text: string) => {
    setShown(0)
    if (text.trim() === search) reload()
    else setSearch(text.trim())
  }
  const isSelected = (id: string) => selected.some((h) => h.id === id)
  const toggle = (household: HouseholdView) =>
    onChange(isSelected(household.id) ? selected.filter((h) => h.id !== household.id) : [...selected, household])

  const list = state.status === 'ok' ? state.data.households : []
  const visible = list.slice(0, Math.max(shown, pageSize))
  // 「全选」 takes every household the list counts (共 N 户), the ones behind 再显示 too; the confirm step names them all.
  const allSelected = list.length > 0 && list.every((h) => isSelected(h.id))
  const selectAll = () =>
    onChange(allSelected ? selected.filter((h) => !list.some((v) => v.id === h.id)) : [...selected, ...list.filter((h) => !isSelected(h.id))])

  return (
    <View>
      <SearchBar placeholder={words.findBy} onSearch={searchFor} />
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="muted-text">
              {data.org.name}
              {search ? `，找到“${search}”` : ''} 共 {list.length} {words.counter}
            </Text>
            {list.length === 0 && <Text className="plain-text">没有找到符合的{words.noun}，请换个名字或门牌再找。</Text>}
            {list.length > 1 && (
              <BigButton kind="plain" onClick={selectAll}>
                {allSelected ? '取消全选' : `全选这 ${list.length} ${words.counter}`}
              </BigButton>
            )}
            {visible.map((household) => (
              <PickRow key={household.id} household={household} checked={isSelected(household.id)} onToggle={() => toggle(household)} />
            ))}
            {visible.length < list.length && (
              <BigButton kind="plain" onClick={() => setShown(visible.length + pageSize)}>
                再显示 {Math.min(pageSize, list.length - visible.length)} {words.counter}
              </BigButton>
            )}
          </View>
        )}
      </Loaded>
      <View className="inspect__footer">
        <Text className="inspect__count">已选 {selected.length} {words.counter}</Text>
        {selected.length > 0 ? (
          <BigButton onClick={onNext}>下一步：选细则</BigButton>
        ) : (
          <Text className="muted-text">请点{words.noun}名字前的方框，选好要评分的{words.noun}</Text>
        )}
      </View>
    </View>
  )
}

function PickRow({ household, checked, onToggle }: { household: HouseholdView; checked: boolean; onToggle: () => void }) {
  return (
    <View className={`card pick-row ${checked ? 'pick-row--checked' : ''}`} onClick={onToggle}>
      <View className={`pick-row__box ${checked ? 'pick-row__box--checked' : ''}`}>
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <View className="pick-row__main">
        <Text className="pick-row__name">{household.tradeName ?? household.name}</Text>
        <Text className="pick-row__detail">
          {household.tradeName ? `店主 ${household.name} · ` : '门牌 '}
          {household.houseNo}
          {household.group ? ` · ${household.group.name}` : ''}
        </Text>
      </View>
      <Text className="pick-row__balance elder-hide">{household.balance} 分</Text>
    </View>
  )
}
