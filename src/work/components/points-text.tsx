import { Text } from '@tarojs/components'
import { formatPoints } from './format-points'
import './points-text.css'

/** "+5 分" or "−5 分": additions green, deductions red, so a deduction is never mistaken for a reward. */
export function PointsText({ points, size = 'normal' }: { points: number; size?: 'normal' | 'large' }) {
  const sign = points < 0 ? 'minus' : 'plus'
  return <Text className={`points-text points-text--${sign} points-text--${size}`}>{formatPoints(points)} 分</Text>
}
