import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { matterNumbers } from '../../api/matter'
import { Loaded } from '../../components/loaded'
import { useElderMode } from '../../hooks/use-elder-mode'
import { NumbersGrid } from '../components/numbers-grid'
import { useMatterPage } from '../components/use-matter-page'
import '../matters.css'

/** 议事数字: a village with each micro-grid, or a street with each village. */
export default function MatterNumbersPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId
  const { state, reload } = useMatterPage(() => matterNumbers(orgId), [orgId])
  return (
    <View className={`screen matters ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {(data) =>
          [data.total, ...data.rows].map((row) => (
            <View key={row.org.id} className="card">
              <Text className="section-title">{row.org.name}</Text>
              <NumbersGrid numbers={row.numbers} />
            </View>
          ))
        }
      </Loaded>
    </View>
  )
}
