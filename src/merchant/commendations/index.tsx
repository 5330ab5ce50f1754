import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { commendations, exportYear } from '../../api/merchant'
import { ExportButton } from '../../components/export-button'
import { ChoiceChip } from '../../components/choice-chip'
import { Loaded } from '../../components/loaded'
import type { CommendationsView } from '../../core/contracts/merchant'
import { starText } from '../../core/merchant/star-terms'
import { formatYuan } from '../../core/money'
import { periodsOf } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import '../merchant.css'

type AllianceYear = CommendationsView['alliances'][number]

/**
 * 表彰榜 (router param orgId: a street or an alliance): the year's commended merchants with their stars
 * and reward in 元, public like the 红黑榜; the committee downloads the year's list as .xlsx.
 */
export default function CommendationsPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId ?? ''
  const thisYear = Number(periodsOf(new Date()).year)
  const [year, setYear] = useState(thisYear)
  const { state, reload } = useEnvelope(() => commendations(orgId, year), [orgId, year])
  return (
    <View className={`screen ${elder.rootClass}`}>
      <View className="card">
        {[thisYear, thisYear - 1].map((y) => (
          <ChoiceChip key={y} on={year === y} onClick={() => setYear(y)}>
            {y}年
          </ChoiceChip>
        ))}
        <Text className="muted-text">全年每次星级评比都达到红榜星级的商家受表彰，奖励按最近一次评比的星级发放。</Text>
      </View>
      <Loaded state={state} onRetry={reload}>
        {(view) => (
          <View>
            {view.alliances.length === 0 && (
              <View className="card">
                <Text className="plain-text">这里还没有商家自治联盟</Text>
              </View>
            )}
            {view.alliances.map((entry) => (
              <AllianceCard key={entry.alliance.id} entry={entry} year={view.year} />
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function AllianceCard({ entry, year }: { entry: AllianceYear; year: number }) {
  return (
    <View className="card">
      <Text className="section-title">
        {entry.alliance.name} {year}年表彰
      </Text>
      {entry.commended.length === 0 ? (
        <Text className="muted-text">这一年还没有受表彰的商家</Text>
      ) : (
        <Text className="plain-text">
          表彰 {entry.commended.length} 家，奖励合计 {formatYuan(entry.totalRewardFen)} 元
        </Text>
      )}
      {entry.commended.map((merchant) => (
        <View key={merchant.merchantId} className="merchant__row merchant__red">
          <Text className="merchant__name">{merchant.tradeName}</Text>
          <Text className="plain-text">
            {merchant.trade} · {merchant.stars === null ? '未评星' : starText(merchant.stars)} · 奖励 {formatYuan(merchant.rewardFen)} 元
          </Text>
        </View>
      ))}
      {/* 下载表彰名单: the committee's .xlsx (every merchant, commended or not and why). */}
      {entry.mayExport && <ExportButton label="下载表彰名单（Excel 表格）" load={() => exportYear(entry.alliance.id, year)} />}
    </View>
  )
}

