import { Text } from '@tarojs/components'
import './villager.css'

/** A short status in a coloured box: waiting (amber), good for the household (green), not (grey/red). */
export function StatusTag({ text, tone }: { text: string; tone: 'wait' | 'good' | 'bad' | 'plain' }) {
  return <Text className={`status-tag status-tag--${tone}`}>{text}</Text>
}
