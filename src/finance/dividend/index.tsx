import Taro, { useDidShow } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { listDividendRuns, previewDividend, saveDividendDraft, type DividendSettings } from '../../api/dividend'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { MoneyRow } from '../../components/dividend/money-row'
import { Loaded } from '../../components/loaded'
import type { DividendPreview, RunSummary } from '../../core/contracts/dividend'
import { parseRatio } from '../../core/dividend/dividend-run'
import { describeMethod, INCENTIVE_PRESETS } from '../../core/dividend/incentive-methods'
import { parseYuan } from '../../core/money'
import { periodsOf } from '../../core/period'
import { useEnvelope } from '../../hooks/use-envelope'
import '../run-state.css'
import { WithScope } from '../../components/with-scope'
import './index.css'

type SplitMode = 'amount' | 'ratio'

/** 年度分红 for one cooperative (router param orgId): the runs so far and a new run: 试算 → 保存草稿. */
export default function DividendRunsPage() {
  return (
    <WithScope permission="runDividend" kinds={['village']} question="做哪个村的分红？">
      {(orgId) => <DividendRuns orgId={orgId} />}
    </WithScope>
  )
}

function DividendRuns({ orgId }: { orgId: string }) {
  const { state, reload } = useEnvelope(() => listDividendRuns(orgId), [orgId])
  useDidShow(() => reload())

  const [year, setYear] = useState(periodsOf(new Date()).year)
  const [total, setTotal] = useState('')
  const [splitMode, setSplitMode] = useState<SplitMode>('ratio')
  const [incentive, setIncentive] = useState('1/6')
  const [presetId, setPresetId] = useState(INCENTIVE_PRESETS[0].id)
  const [problem, setProblem] = useState<string | null>(null)
  const [preview, setPreview] = useState<DividendPreview | null>(null)
  const [busy, setBusy] = useState(false)
  // One intent = one request id: made when a preview is shown, reused if saving is retried.
  const saveRequestId = useRef<string | null>(null)

  const preset = INCENTIVE_PRESETS.find((p) => p.id === presetId) ?? INCENTIVE_PRESETS[0]
  const villageName = state.status === 'ok' ? state.data.village.name : null
  useEffect(() => {
    if (villageName) void Taro.setNavigationBarTitle({ title: `${villageName} 年度分红` })
  }, [villageName])

  function settings(): DividendSettings | string {
    const yearNumber = Number(year)
    if (!Number.isInteger(yearNumber) || yearNumber < 2000 || yearNumber > 2100) return '请填写分红的年度，例如 2026'
    const totalFen = parseYuan(total)
    if (!totalFen) return '请填写分红总额（元），例如 561600'
    const base = { orgId, year: yearNumber, totalFen, method: preset.method }
    if (splitMode === 'ratio') {
      if (!parseRatio(incentive)) return '积分激励比例请写成 1/6、0.2 或 20% 这样'
      return { ...base, incentiveRatio: incentive.trim() }
    }
    const incentiveFen = parseYuan(incentive)
    if (incentiveFen === null) return '请填写积分激励金额（元）'
    if (incentiveFen > totalFen) return '积分激励不能超过分红总额'
    return { ...base, incentiveFen }
  }

  function changed() {
    setPreview(null)
    setProblem(null)
  }

  async function runPreview() {
    const current = settings()
    if (typeof current === 'string') return setProblem(current)
    setBusy(true)
    const answer = await previewDividend(current)
    setBusy(false)
    if (!answer.ok) return setProblem(answer.error.message)
    setProblem(null)
    setPreview(answer.data)
    saveRequestId.current = newRequestId()
  }

  async function saveDraft() {
    const current = settings()
    if (typeof current === 'string' || !saveRequestId.current) return
    setBusy(true)
    const answer = await saveDividendDraft(saveRequestId.current, current)
    setBusy(false)
    if (!answer.ok) return setProblem(answer.error.message)
    saveRequestId.current = null
    setPreview(null)
    void Taro.navigateTo({ url: `/finance/run/index?runId=${answer.data.id}` })
  }

  return (
    <View className="screen dividend-runs">
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <Text className="section-title">{data.village.name} 历年分红方案</Text>
            {data.runs.length === 0 && <Text className="plain-text card">还没有做过分红方案。</Text>}
            {data.runs.map((run) => (
              <RunCard key={run.id} run={run} />
            ))}

            {data.canRun && (
              <View className="card dividend-form">
                <Text className="section-title">新建分红方案</Text>
                <Text className="dividend-form__label">分红年度</Text>
                <Input className="dividend-form__input" type="number" value={year} onInput={(e) => (setYear(e.detail.value), changed())} />
                <Text className="dividend-form__label">分红总额（元）</Text>
                <Input
                  className="dividend-form__input dividend-form__total"
                  type="digit"
                  value={total}
                  placeholder="例如 561600"
                  onInput={(e) => (setTotal(e.detail.value), changed())}
                />
                <Text className="dividend-form__label">其中积分激励</Text>
                <View className="dividend-form__choices">
                  <BigButton kind={splitMode === 'ratio' ? 'current' : 'plain'} onClick={() => (setSplitMode('ratio'), setIncentive('1/6'), changed())}>
                    按比例
                  </BigButton>
                  <BigButton kind={splitMode === 'amount' ? 'current' : 'plain'} onClick={() => (setSplitMode('amount'), setIncentive(''), changed())}>
                    按金额
                  </BigButton>
                </View>
                <Input
                  className="dividend-form__input dividend-form__incentive"
                  type={splitMode === 'ratio' ? 'text' : 'digit'}
                  value={incentive}
                  placeholder={splitMode === 'ratio' ? '例如 1/6 或 20%' : '例如 93600（元）'}
                  onInput={(e) => (setIncentive(e.detail.value), changed())}
                />
                <Text className="dividend-form__label">积分激励怎么分</Text>
                {INCENTIVE_PRESETS.map((p) => (
                  <BigButton key={p.id} kind={p.id === presetId ? 'current' : 'plain'} onClick={() => (setPresetId(p.id), changed())}>
                    {p.label}
                  </BigButton>
                ))}
                <View className="dividend-form__rules">
                  {describeMethod(preset.method).map((line) => (
                    <Text key={line} className="muted-text">
                      {line}
                    </Text>
                  ))}
                </View>
                {problem && <Text className="dividend-form__problem">{problem}</Text>}
                {!preview && (
                  <BigButton onClick={() => void runPreview()}>{busy ? '正在试算…' : '试算'}</BigButton>
                )}
                {preview && <PreviewSummary preview={preview} />}
                {preview && (
                  <BigButton onClick={() => void saveDraft()}>{busy ? '正在保存…' : '保存为草稿，逐户核对'}</BigButton>
                )}
              </View>
            )}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function RunCard({ run }: { run: RunSummary }) {
  const state =
    run.status === 'draft' ? '草稿，待核对公示' : run.supersededByRunId ? `已公示，已被第 ${run.supersededByRunId} 号更正` : '已公示'
  return (
    <View className="card run-card" hoverClass="big-button--pressed" onClick={() => void Taro.navigateTo({ url: `/finance/run/index?runId=${run.id}` })}>
      <Text className="run-card__title">
        {run.year}年度 · 第 {run.id} 号
      </Text>
      <Text className={`run-state run-state--${run.status}`}>{state}</Text>
      <MoneyRow label="分红总额" fen={run.totalFen} />
      <Text className="muted-text">
        {run.householdCount} 户 · {run.methodLabel}
      </Text>
    </View>
  )
}

function PreviewSummary({ preview }: { preview: DividendPreview }) {
  const sum = (key: 'basicFen' | 'incentiveFen') => preview.lines.reduce((s, line) => s + line[key], 0)
  const balanced = sum('basicFen') === preview.basicFen && sum('incentiveFen') === preview.incentiveFen
  const withIncentive = preview.lines.filter((l) => l.incentiveFen > 0).length
  return (
    <View className="dividend-preview">
      <Text className="section-title">试算结果</Text>
      <MoneyRow label="股份分红" fen={preview.basicFen} />
      <MoneyRow label="积分激励" fen={preview.incentiveFen} />
      <MoneyRow label="合计" fen={preview.basicFen + preview.incentiveFen} strong />
      <Text className="plain-text">
        共 {preview.lines.length} 户，其中 {withIncentive} 户分到积分激励。
      </Text>
      <Text className="plain-text">{balanced ? '核对：各户相加正好等于总额 ✓' : '核对不符，请联系技术人员'}</Text>
    </View>
  )
}
