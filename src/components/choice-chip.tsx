import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './choice-chip.css'

/** One large tappable choice among a few (a role, a unit, a community); `on` marks the chosen one. */
export function ChoiceChip({ on = false, onClick, children }: { on?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Text className={`choice-chip ${on ? 'choice-chip--on' : ''}`} onClick={onClick}>
      {children}
    </Text>
  )
}
