import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { exportDividendRun, getDividendRun, publishDividendRun } from '../../api/dividend'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { MoneyRow } from '../../components/dividend/money-row'
import { RunLine } from '../../components/dividend/run-line'
import { Loaded } from '../../components/loaded'
import type { RunDetail } from '../../core/contracts/dividend'
import { formatLocalTime } from '../../core/period'
import { useEnvelope } from '../../hooks/use-envelope'
import { saveExport } from '../../api/save-export'
import '../run-state.css'
import { NeedsLink } from '../../components/needs-link'
import './index.css'

/** One run (router param runId): review the draft line by line, publish (公示) it, export it. */
export default function DividendRunPage() {
  const linked = Boolean(useRouter().params.runId)
  return linked ? <DividendRun /> : <NeedsLink sentence="要看哪一份分红方案？请从「年度分红」里点开一份。" />
}

function DividendRun() {
  const runId = Number(useRouter().params.runId)
  const { state, reload } = useEnvelope(() => getDividendRun(runId), [runId])
  const [message, setMessage] = useState<string | null>(null)

  const title = state.status === 'ok' ? `${state.data.run.year}年度分红 第${state.data.run.id}号` : null
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title })
  }, [title])

  async function download(format: 'xlsx' | 'csv') {
    setMessage('正在生成文件…')
    const answer = await exportDividendRun(runId, format)
    if (!answer.ok) return setMessage(answer.error.message)
    try {
      setMessage(await saveExport(answer.data))
    } catch {
      setMessage('文件没能保存，请再试一次')
    }
  }

  return (
    <View className="screen dividend-run">
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <RunHeader detail={data} />
            {data.run.status === 'draft' && <PublishPanel detail={data} onPublished={reload} />}
            <View className="card">
              <Text className="section-title">导出</Text>
              <BigButton kind="plain" onClick={() => void download('xlsx')}>
                导出 Excel 表（记账、银行代发）
              </BigButton>
              <BigButton kind="plain" onClick={() => void download('csv')}>
                导出 CSV
              </BigButton>
              {message && <Text className="plain-text dividend-run__message">{message}</Text>}
            </View>
            <Text className="section-title">逐户明细（{data.lines.length} 户）</Text>
            {data.lines.map((line) => (
              <RunLine key={line.householdId} line={line} />
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function RunHeader({ detail }: { detail: RunDetail }) {
  const { run } = detail
  return (
    <View className="card">
      <Text className="dividend-run__cooperative">{run.cooperative}</Text>
      <Text className={`run-state run-state--${run.status}`}>
        {run.status === 'draft'
          ? `草稿 · ${formatLocalTime(run.createdAt)} 按当时积分算出，未公示`
          : `已公示 · ${formatLocalTime(run.publishedAt!)}${run.supersededByRunId ? `（已被第 ${run.supersededByRunId} 号更正）` : ''}`}
      </Text>
      {run.supersedesRunId && (
        <Text className="plain-text">
          更正第 {run.supersedesRunId} 号方案，原因：{run.correctionNote}
        </Text>
      )}
      <MoneyRow label="股份分红" fen={run.basicFen} />
      <MoneyRow label="积分激励" fen={run.incentiveFen} />
      <MoneyRow label="分红总额" fen={run.totalFen} strong />
      <Text className="muted-text">
        {run.householdCount} 户，共 {run.totalShares} 股 · 积分激励：{run.methodLabel}
      </Text>
      <View className="dividend-run__rules">
        {detail.rules.map((line) => (
          <Text key={line} className="muted-text">
            {line}
          </Text>
        ))}
      </View>
    </View>
  )
}

/** 公示 after a confirm step; a year already published needs the reason for the correction. */
function PublishPanel({ detail, onPublished }: { detail: RunDetail; onPublished: () => void }) {
  const [requestId, setRequestId] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function publish() {
    if (!requestId) return
    setBusy(true)
    const answer = await publishDividendRun(requestId, detail.run.id, note.trim() || undefined)
    setBusy(false)
    if (!answer.ok) return setProblem(answer.error.message)
    setRequestId(null)
    onPublished()
  }

  if (!requestId) {
    return (
      <View className="card">
        <Text className="plain-text">请逐户核对下面的明细，无误后公示。公示后全村农户都能看到（姓名隐去），不能再改。</Text>
        <BigButton onClick={() => (setRequestId(newRequestId()), setProblem(null))}>核对无误，公示</BigButton>
      </View>
    )
  }
  return (
    <View className="card dividend-run__confirm">
      <Text className="section-title">确认公示 {detail.run.year} 年度分红？</Text>
      <MoneyRow label="分红总额" fen={detail.run.totalFen} strong />
      <Text className="plain-text">如果这一年已经公示过，这次就是更正，请写明原因：</Text>
      <Input className="dividend-run__note" value={note} maxlength={200} placeholder="更正原因（第一次公示可不填）" onInput={(e) => setNote(e.detail.value)} />
      {problem && <Text className="dividend-run__problem">{problem}</Text>}
      <BigButton onClick={() => void publish()}>{busy ? '正在公示…' : '确认公示'}</BigButton>
      <BigButton kind="plain" onClick={() => setRequestId(null)}>
        取消
      </BigButton>
    </View>
  )
}
