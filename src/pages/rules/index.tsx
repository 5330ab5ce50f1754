import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { rules } from '../../api/score'
import { Loaded } from '../../components/loaded'
import { TermExplainer } from '../../components/term-explainer'
import { PointsText } from '../../components/points-text'
import type { RuleView } from '../../core/contracts/score'
import { formatLocalTime } from '../../core/period'
import { groupRulesByCategory, ruleTags } from '../../core/rule-labels'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import './index.css'

function RuleItem({ rule }: { rule: RuleView }) {
  return (
    <View className="rule-item">
      <View className="rule-item__main">
        <Text className="rule-item__title">{rule.title}</Text>
        <View className="rule-item__points">
          <PointsText points={rule.points} />
          <Text className="rule-item__unit">分</Text>
        </View>
      </View>
      {ruleTags(rule).length > 0 && (
        <View className="rule-item__tags">
          {ruleTags(rule).map((tag) => (
            <Text key={tag} className="rule-item__tag">
              {tag}
            </Text>
          ))}
        </View>
      )}
      {rule.claimable && (
        <View
          className="rule-item__claim"
          hoverClass="big-button--pressed"
          onClick={() => void Taro.navigateTo({ url: `/pages/claim/index?ruleId=${rule.id}` })}
        >
          我要申报
        </View>
      )}
    </View>
  )
}

/** 积分细则: the published rules of my village, by category, with points, limits and what they need. */
export default function RulesPage() {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => rules(), [])
  return (
    <View className={`screen rules ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <View className="card">
              <Text className="section-title">{data.name}</Text>
              <Text className="muted-text">
                第 {data.version} 版 · {formatLocalTime(data.publishedAt).slice(0, 10)} 公布
              </Text>
              <Text className="muted-text elder-hide">加分是绿色的“+”，扣分是红色的“−”。标着“可自己申报”的，做到了可以拍照申报。</Text>
              <TermExplainer term="细则" />
              {data.rules.some((rule) => rule.restorable) && <TermExplainer term="整改返还" />}
            </View>
            {groupRulesByCategory(data.rules).map((group) => (
              <View key={group.category} className="card rules__group">
                <Text className="section-title">{group.category}</Text>
                {group.rules.map((rule) => (
                  <RuleItem key={rule.id} rule={rule} />
                ))}
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}
