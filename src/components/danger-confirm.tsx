import { Text, View } from '@tarojs/components'
import { BigButton } from './big-button'
import './status-views.css'

type Props = {
  /** What will happen, in a sentence: "撤销后 王卫东 不能再给这个微网格评分。" */
  sentence: string
  /** The red button: "确定撤销王卫东的微网格长". */
  action: string
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A destructive action asked about in place (the one button rule): what it does, the red button that
 * does it, and 取消 under it. Nothing happens until the red button is pressed.
 */
export function DangerConfirm({ sentence, action, onConfirm, onCancel }: Props) {
  return (
    <View className="danger-confirm">
      <Text className="danger-confirm__sentence">{sentence}</Text>
      <BigButton kind="danger" onClick={onConfirm}>
        {action}
      </BigButton>
      <BigButton kind="plain" onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
