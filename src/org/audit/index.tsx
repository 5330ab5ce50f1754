import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { auditTrail } from '../../api/org'
import { Loaded } from '../../components/loaded'
import { TermExplainer } from '../../components/term-explainer'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { describeChange, showsCodeTail } from './describe-change'
import '../org.css'

/**
 * 操作记录 (router param orgId optional: the admin's own street): every grant, revocation, staff
 * code, org change and village-setting change, newest first. Nobody can edit or delete these.
 */
export default function AuditPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId
  const { state, reload } = useEnvelope(() => auditTrail(orgId), [orgId])
  return (
    <View className={`screen ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="section-title">{data.org.name}的操作记录</Text>
            <Text className="muted-text">谁在什么时候给了谁什么权力、改了什么。这些记录谁都改不了、删不掉。</Text>
            {data.records.some((record) => showsCodeTail(record.before) || showsCodeTail(record.after)) && <TermExplainer term="工作码尾号" />}
            <View className="card">
              {elder.trim(data.records, 200).map((record) => (
                <View key={record.id} className="staff__row staff__audit">
                  <Text className="plain-text">
                    {record.byName} · {record.actionLabel}
                    {record.org ? ` · ${record.org.name}` : ''}
                  </Text>
                  <Text className="staff__line">{formatLocalTime(record.at)}</Text>
                  {record.before !== null && <Text className="staff__line">原来：{describeChange(record.before)}</Text>}
                  {record.after !== null && <Text className="staff__line">现在：{describeChange(record.after)}</Text>}
                </View>
              ))}
              {data.records.length === 0 && <Text className="plain-text">还没有记录。</Text>}
            </View>
          </View>
        )}
      </Loaded>
    </View>
  )
}
