import { Text } from '@tarojs/components'
import { pointsTone, signedPoints } from '../core/villager-labels'
import './points-text.css'

type Props = {
  points: number
  /** Staff screens show the number with its unit, "+5 分", in a size of their own. */
  size?: 'normal' | 'large'
  className?: string
}

/** A signed number of points, "+5" or "−5": gains green, deductions red, so a deduction is never mistaken for a reward. */
export function PointsText({ points, size, className = '' }: Props) {
  const sized = size ? ` points--${size}` : ''
  return (
    <Text className={`points points--${pointsTone(points)}${sized} ${className}`}>
      {signedPoints(points)}
      {size ? ' 分' : ''}
    </Text>
  )
}
