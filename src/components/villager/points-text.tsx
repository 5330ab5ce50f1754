import { Text } from '@tarojs/components'
import { pointsTone, signedPoints } from '../../core/villager-labels'
import './villager.css'

/** A signed number of points: green with + for gains, red with − for deductions. */
export function PointsText({ points, className = '' }: { points: number; className?: string }) {
  return <Text className={`points points--${pointsTone(points)} ${className}`}>{signedPoints(points)}</Text>
}
