import { Input, Picker, Text, View } from '@tarojs/components'
import { BigButton } from '../../components/big-button'
import type { RuleCategory } from '../../core/rules'
import type { RuleDraft } from './rule-draft'

type Props = {
  draft: RuleDraft
  /** The categories the set may use: a village's or an alliance's (`ruleCategoriesFor`). */
  categories: readonly RuleCategory[]
  onChange: (draft: RuleDraft) => void
  onClose: () => void
}

/** The form of one rule: category, title, 加分/扣分 and points, limits, photos, rectification, claims. */
export function RuleForm({ draft, categories, onChange, onClose }: Props) {
  const set = <K extends keyof RuleDraft>(field: K, value: RuleDraft[K]) => onChange({ ...draft, [field]: value })
  return (
    <View className="card rule-form">
      <Text className="rule-form__label">类别</Text>
      <Picker
        mode="selector"
        range={[...categories]}
        value={Math.max(0, categories.indexOf(draft.category))}
        onChange={(event) => set('category', categories[Number(event.detail.value)])}
      >
        <View className="rule-form__picker">{draft.category} ▾</View>
      </Picker>

      <Text className="rule-form__label">名称（村民看得懂的话）</Text>
      <Input className="rule-form__input" value={draft.title} maxlength={60} onInput={(e) => set('title', e.detail.value)} />

      <Text className="rule-form__label">加分还是扣分</Text>
      <Choice
        options={[
          ['加分', !draft.deduction],
          ['扣分', draft.deduction],
        ]}
        onPick={(i) => set('deduction', i === 1)}
      />
      <Text className="rule-form__label">每次{draft.deduction ? '扣' : '加'}几分</Text>
      <Input className="rule-form__input" type="number" value={draft.amount} maxlength={3} onInput={(e) => set('amount', e.detail.value)} />

      <Text className="rule-form__label">每户每月最多几次（不限就空着）</Text>
      <Input className="rule-form__input" type="number" value={draft.monthlyLimit} maxlength={3} onInput={(e) => set('monthlyLimit', e.detail.value)} />
      <Text className="rule-form__label">每户每年最多几次（不限就空着）</Text>
      <Input className="rule-form__input" type="number" value={draft.yearlyLimit} maxlength={3} onInput={(e) => set('yearlyLimit', e.detail.value)} />

      <Text className="rule-form__label">必须拍照留证吗</Text>
      <Choice
        options={[
          ['要拍照', draft.evidenceRequired],
          ['不用', !draft.evidenceRequired],
        ]}
        onPick={(i) => set('evidenceRequired', i === 0)}
      />

      {draft.deduction ? (
        <View>
          <Text className="rule-form__label">整改后把扣的分加回来吗</Text>
          <Choice
            options={[
              ['加回来', draft.restorable],
              ['不加回', !draft.restorable],
            ]}
            onPick={(i) => set('restorable', i === 0)}
          />
          {draft.restorable && (
            <View>
              <Text className="rule-form__label">几天内整改（没有期限就空着）</Text>
              <Input className="rule-form__input" type="number" value={draft.rectifyDays} maxlength={2} onInput={(e) => set('rectifyDays', e.detail.value)} />
            </View>
          )}
        </View>
      ) : (
        <View>
          <Text className="rule-form__label">村民可以自己申报吗</Text>
          <Choice
            options={[
              ['可以申报', draft.claimable],
              ['不可以', !draft.claimable],
            ]}
            onPick={(i) => set('claimable', i === 0)}
          />
        </View>
      )}
      <BigButton onClick={onClose}>改好了</BigButton>
    </View>
  )
}

function Choice({ options, onPick }: { options: [string, boolean][]; onPick: (index: number) => void }) {
  return (
    <View className="rule-form__choice">
      {options.map(([label, chosen], i) => (
        <View key={label} className={`rule-form__option ${chosen ? 'rule-form__option--chosen' : ''}`} onClick={() => onPick(i)}>
          <Text>{chosen ? `✓ ${label}` : label}</Text>
        </View>
      ))}
    </View>
  )
}
