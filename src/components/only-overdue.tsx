import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { BigButton } from './big-button'
import './only-overdue.css'

/**
 * Whether a work list shows only its overdue items: opened so from 首页's 「其中 N 条逾期」 (the router's
 * `only=overdue`, components/staff-role-card.tsx), and switched on the page itself.
 */
export function useOnlyOverdue(): [boolean, (only: boolean) => void] {
  const [only, setOnly] = useState(useRouter().params.only === 'overdue')
  return [only, setOnly]
}

type Props = {
  only: boolean
  onChange: (only: boolean) => void
  overdue: number
  all: number
  /** 条 for notices, 件 for matters. */
  unit: string
}

/**
 * Above a work list: showing only the overdue, the state said plainly (「只看逾期 · 2 条」) and the way
 * back to everything; showing everything with some overdue, the way to only those.
 */
export function OnlyOverdueBar({ only, onChange, overdue, all, unit }: Props) {
  if (only) {
    return (
      <View className="card only-overdue only-overdue--on">
        <Text className="only-overdue__state">{`只看逾期 · ${overdue} ${unit}`}</Text>
        <Text className="only-overdue__note">{overdue === 0 ? '现在没有逾期的了。' : '逾期的排在这里，别的先不显示。'}</Text>
        <BigButton kind="plain" onClick={() => onChange(false)}>
          {`看全部 ${all} ${unit}`}
        </BigButton>
      </View>
    )
  }
  if (overdue === 0) return null
  return (
    <View className="only-overdue">
      <BigButton kind="plain" onClick={() => onChange(true)}>
        {`只看逾期的 ${overdue} ${unit}`}
      </BigButton>
    </View>
  )
}
