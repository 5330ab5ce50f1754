import { Text } from '@tarojs/components'
import './field-problem.css'

/** What is wrong with one field, in plain words, right beside it. */
export function FieldProblem({ text }: { text: string | null }) {
  return text ? <Text className="field-problem">{text}</Text> : null
}
