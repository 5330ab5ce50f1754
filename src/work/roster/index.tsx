import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { importRoster, listHouseholds, previewRoster } from '../../api/roster'
import { pickRosterFile, type RosterFile } from '../../api/pick-roster-file'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { PrivacyPopup } from '../../components/privacy-popup'
import type { RosterImportResult, RosterPreview } from '../../core/contracts/account'
import { useEnvelope } from '../../hooks/use-envelope'
import { HouseholdRow } from '../components/household-row'
import { WithScope } from '../../components/with-scope'
import { SearchBar } from '../components/search-bar'
import './roster.css'

/** How many valid rows the preview lists; the rest are counted. */
const SHOWN_ROWS = 20

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'failed'; message: string }
  | { kind: 'preview'; file: RosterFile; preview: RosterPreview; requestId: string; error?: string }
  | { kind: 'imported'; result: RosterImportResult }

/** 名册与绑定: import the village roster (preview first), then open a household to edit it or bind members. */
export default function RosterPage() {
  return (
    <WithScope permission="manageRoster" kinds={['village']} question="管理哪个村的名册？">
      {(orgId) => <Roster orgId={orgId} />}
    </WithScope>
  )
}

function Roster({ orgId }: { orgId: string }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  const [search, setSearch] = useState('')
  const list = useEnvelope(() => listHouseholds(orgId, search), [orgId, search])

  async function choose() {
    const picked = await pickRosterFile()
    if (!picked) return
    if (!picked.ok) return setStep({ kind: 'failed', message: picked.message })
    setStep({ kind: 'busy', text: '正在检查名册…' })
    const answer = await previewRoster(orgId, picked.file)
    if (!answer.ok) return setStep({ kind: 'failed', message: answer.error.message })
    // The confirm screen opens here: one requestId for this import, reused on every retry.
    setStep({ kind: 'preview', file: picked.file, preview: answer.data, requestId: newRequestId() })
  }

  async function confirmImport(current: Extract<Step, { kind: 'preview' }>) {
    setStep({ kind: 'busy', text: '正在导入…' })
    const answer = await importRoster(current.requestId, orgId, current.file, current.preview.digest)
    if (!answer.ok) return setStep({ ...current, error: answer.error.message })
    setStep({ kind: 'imported', result: answer.data })
    list.reload()
  }

  return (
    <View className="screen roster">
      <PrivacyPopup />
      <View className="card">
        <Text className="section-title">导入名册</Text>
        <Text className="muted-text">Excel（.xlsx）或 CSV 文件，第一行是表头：户主、村民小组/网格、门牌、股数、成员（成员之间用“、”隔开）。同一门牌再次导入会更新，不会重复。</Text>
        {step.kind !== 'busy' && (
          <BigButton onClick={() => void choose()}>{step.kind === 'preview' ? '换一个文件' : '选择名册文件'}</BigButton>
        )}
        {step.kind === 'busy' && <Text className="plain-text roster__busy">{step.text}</Text>}
        {step.kind === 'failed' && <Text className="roster__error">{step.message}</Text>}
        {step.kind === 'imported' && (
          <Text className="roster__done">
            导入完成：新增 {step.result.created} 户，更新 {step.result.updated} 户
            {step.result.skipped > 0 ? `，有问题的 ${step.result.skipped} 行没有导入` : ''}。
          </Text>
        )}
      </View>

      {step.kind === 'preview' && <PreviewCard step={step} onConfirm={() => void confirmImport(step)} />}

      <Text className="section-title">农户（点一户可修改、发邀请码）</Text>
      <SearchBar placeholder="输入户主姓名或门牌" onSearch={(text) => setSearch(text.trim())} />
      <Loaded state={list.state} onRetry={list.reload}>
        {(data) => (
          <View>
            <Text className="muted-text">共 {data.households.length} 户</Text>
            {data.households.map((household) => (
              <View
                key={household.id}
                className="roster__household"
                onClick={() => void Taro.navigateTo({ url: `/work/roster/household?id=${encodeURIComponent(household.id)}` })}
              >
                <HouseholdRow household={household} />
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function PreviewCard({ step, onConfirm }: { step: Extract<Step, { kind: 'preview' }>; onConfirm: () => void }) {
  const { preview } = step
  const valid = preview.rows.length
  return (
    <View className="card roster__preview">
      <Text className="section-title">预览：{preview.fileName}</Text>
      <Text className="plain-text">
        可以导入 {valid} 户（新增 {preview.newCount} 户，更新 {preview.updateCount} 户）
      </Text>
      {preview.problems.length > 0 && (
        <View>
          <Text className="roster__error">有问题的 {preview.problems.length} 行（不会导入，请改好后再导入一次）：</Text>
          {preview.problems.map((problem) => (
            <View key={problem.line} className="roster__problem">
              <Text className="roster__problem-line">
                第 {problem.line} 行 {problem.headName || '（无户主）'} {problem.houseNo}
              </Text>
              {problem.reasons.map((reason) => (
                <Text key={reason} className="roster__problem-reason">
                  · {reason}
                </Text>
              ))}
            </View>
          ))}
        </View>
      )}
      {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
        <Text key={row.line} className="roster__row">
          {row.change === 'new' ? '新增' : '更新'} · {row.headName} · {row.houseNo} · {row.shares} 股
          {row.group ? ` · ${row.group}` : ''}
          {row.microGrid ? ` · ${row.microGrid}` : ''}
        </Text>
      ))}
      {valid > SHOWN_ROWS && <Text className="muted-text">……还有 {valid - SHOWN_ROWS} 户</Text>}
      {step.error && <Text className="roster__error">{step.error}</Text>}
      {valid > 0 && <BigButton onClick={onConfirm}>确认导入这 {valid} 户</BigButton>}
    </View>
  )
}
