import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { myInspections } from '../../api/staff-scoring'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { RecordCard } from '../components/record-card'

/** 我的评分记录: the scores I submitted lately, newest first, with their status. */
export default function MyInspectionsPage() {
  const elder = useElderMode()
  const limit = elder.pageSize(50)
  const { state, reload } = useEnvelope(() => myInspections(limit), [limit])
  return (
    <View className={`screen ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            {data.length === 0 && (
              <View className="card">
                <Text className="plain-text">您还没有评过分。</Text>
                <BigButton onClick={() => void Taro.navigateTo({ url: '/work/inspect/index' })}>去入户评分</BigButton>
              </View>
            )}
            {data.length > 0 && (
              <View>
                <Text className="section-title">最近 {data.length} 笔</Text>
                {data.map((record) => (
                  <RecordCard key={record.id} record={record} />
                ))}
                <BigButton kind="plain" onClick={reload}>
                  刷新
                </BigButton>
              </View>
            )}
          </>
        )}
      </Loaded>
    </View>
  )
}
