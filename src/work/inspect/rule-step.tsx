import { Text, View } from '@tarojs/components'
import { walkRules } from '../../api/walk-copies'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { RuleView } from '../../core/contracts/score'
import { useEnvelope } from '../../hooks/use-envelope'
import { PointsText } from '../../components/points-text'
import { ruleFacts } from '../components/rule-facts'
import type { MemberWords } from '../../core/member-kind'
import { scoredBySignInOnly } from '../../core/starter-rules'

type Props = {
  orgId: string
  words: MemberWords
  selected: RuleView | null
  onPick: (rule: RuleView) => void
  onBack: () => void
}

/** Step 2: the rules in force, grouped by category, without those only a training's sign-in scores; one tap picks a rule. */
export function RuleStep({ orgId, words, selected, onPick, onBack }: Props) {
  const { state, reload } = useEnvelope(() => walkRules(orgId), [orgId])
  const groups = state.status === 'ok' ? groupByCategory(state.data.rules.filter((rule) => !scoredBySignInOnly(rule))) : []
  return (
    <View>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="muted-text">
              {data.name}（第 {data.version} 版）
            </Text>
            {groups.length === 0 && <Text className="plain-text">这套细则里还没有条目。</Text>}
            {groups.map(([category, items]) => (
              <View key={category}>
                <Text className="section-title">{category}</Text>
                {items.map((rule) => (
                  <View
                    key={rule.id}
                    className={`card rule-pick ${rule.points < 0 ? 'rule-pick--minus' : 'rule-pick--plus'} ${selected?.id === rule.id ? 'rule-pick--selected' : ''}`}
                    onClick={() => onPick(rule)}
                  >
                    <View className="rule-pick__main">
                      <Text className="rule-pick__title">{rule.title}</Text>
                      {ruleFacts(rule).length > 0 && <Text className="muted-text">{ruleFacts(rule).join(' · ')}</Text>}
                    </View>
                    <PointsText points={rule.points} size="large" />
                  </View>
                ))}
              </View>
            ))}
          </View>
        )}
      </Loaded>
      <BigButton kind="plain" onClick={onBack}>
        上一步：重新选{words.noun}
      </BigButton>
    </View>
  )
}

function groupByCategory(list: RuleView[]): [string, RuleView[]][] {
  const groups = new Map<string, RuleView[]>()
  for (const rule of list) groups.set(rule.category, [...(groups.get(rule.category) ?? []), rule])
  return [...groups.entries()]
}
