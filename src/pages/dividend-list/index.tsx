import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { getDividendRun } from '../../api/dividend'
import { MoneyRow } from '../../components/dividend/money-row'
import { RunLine } from '../../components/dividend/run-line'
import { Loaded } from '../../components/loaded'
import { useEnvelope } from '../../hooks/use-envelope'
import { NeedsLink } from '../../components/needs-link'
import './index.css'

/** 分红公示: a published run as every household of the village sees it; other households' names masked. */
export default function DividendListPage() {
  const linked = Boolean(useRouter().params.runId)
  return linked ? <DividendList /> : <NeedsLink sentence="要看哪一年的分红名单？请从「我家的分红」里点「看全村公示名单」。" />
}

function DividendList() {
  const runId = Number(useRouter().params.runId)
  const { state, reload } = useEnvelope(() => getDividendRun(runId), [runId])
  const year = state.status === 'ok' ? state.data.run.year : null
  useEffect(() => {
    if (year) void Taro.setNavigationBarTitle({ title: `${year}年度分红公示` })
  }, [year])
  return (
    <View className="screen dividend-list">
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <View className="card">
              <Text className="dividend-list__title">
                {data.run.cooperative} {data.run.year}年度分红公示
              </Text>
              <MoneyRow label="股份分红" fen={data.run.basicFen} />
              <MoneyRow label="积分激励" fen={data.run.incentiveFen} />
              <MoneyRow label="分红总额" fen={data.run.totalFen} strong />
              {data.namesMasked && <Text className="muted-text">为保护隐私，其他农户只显示姓氏。您家的一行是完整的。</Text>}
            </View>
            {data.lines
              .slice()
              .sort((a, b) => Number(b.mine) - Number(a.mine))
              .map((line) => (
                <View key={line.householdId} className={line.mine ? 'dividend-list__mine' : ''}>
                  <RunLine line={line} />
                </View>
              ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}
