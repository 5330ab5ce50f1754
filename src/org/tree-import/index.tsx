import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { importTree, previewTree } from '../../api/org'
import { pickRosterFile, type RosterFile } from '../../api/pick-roster-file'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { PrivacyPopup } from '../../components/privacy-popup'
import type { TreeImportResult, TreePreview } from '../../core/contracts/org'
import { ORG_KIND_LABELS } from '../../core/org'
import { useElderMode } from '../../hooks/use-elder-mode'
import '../org.css'

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'failed'; message: string }
  | { kind: 'preview'; file: RosterFile; preview: TreePreview; requestId: string; error?: string }
  | { kind: 'imported'; result: TreeImportResult }

const CHANGE_LABELS = { new: '新增', moved: '换网格', same: '已有' } as const

/**
 * 导入组织架构 (router param orgId: a village or community): the whole tree of groups, grids,
 * micro-grids and shops from one .xlsx; preview first with every bad row and why, then import.
 */
export default function TreeImportPage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId
  const [step, setStep] = useState<Step>({ kind: 'idle' })

  async function choose() {
    if (!orgId) return
    const picked = await pickRosterFile()
    if (!picked) return
    if (!picked.ok) return setStep({ kind: 'failed', message: picked.message })
    setStep({ kind: 'busy', text: '正在检查…' })
    const answer = await previewTree(orgId, picked.file)
    if (!answer.ok) return setStep({ kind: 'failed', message: answer.error.message })
    setStep({ kind: 'preview', file: picked.file, preview: answer.data, requestId: newRequestId() })
  }

  async function confirm(current: Extract<Step, { kind: 'preview' }>) {
    if (!orgId) return
    setStep({ kind: 'busy', text: '正在导入…' })
    const answer = await importTree(current.requestId, orgId, current.file, current.preview.digest)
    if (!answer.ok) return setStep({ ...current, error: answer.error.message })
    setStep({ kind: 'imported', result: answer.data })
  }

  if (!orgId) {
    return (
      <View className={`screen ${elder.rootClass}`}>
        <View className="card">
          <Text className="plain-text">请从“组织架构”里点“用 Excel 导入”进来，这样才知道导入到哪个村。</Text>
        </View>
      </View>
    )
  }
  return (
    <View className={`screen ${elder.rootClass}`}>
      <PrivacyPopup />
      <View className="card">
        <Text className="section-title">导入组织架构</Text>
        <Text className="muted-text">
          Excel（.xlsx）文件，第一行是表头：类型、名称、所属网格。类型写 村民小组、网格、微网格 或 积分超市；微网格要写所属网格。已有的单位不会重复。
        </Text>
        {step.kind !== 'busy' && <BigButton onClick={() => void choose()}>{step.kind === 'preview' ? '换一个文件' : '选择 Excel 文件'}</BigButton>}
        {step.kind === 'busy' && <Text className="plain-text">{step.text}</Text>}
        {step.kind === 'failed' && <Text className="staff__error">{step.message}</Text>}
        {step.kind === 'imported' && (
          <Text className="staff__done">
            导入完成：新增 {step.result.created} 个，换网格 {step.result.moved} 个，已有 {step.result.unchanged} 个
            {step.result.skipped > 0 ? `，有问题的 ${step.result.skipped} 行没有导入` : ''}。
          </Text>
        )}
      </View>
      {step.kind === 'preview' && (
        <View className="card">
          <Text className="section-title">预览：{step.preview.fileName}</Text>
          <Text className="plain-text">
            新增 {step.preview.newCount} 个，换网格 {step.preview.movedCount} 个
          </Text>
          {step.preview.problems.length > 0 && (
            <Text className="staff__error">有问题的 {step.preview.problems.length} 行（不会导入，请改好后再导入一次）：</Text>
          )}
          {step.preview.problems.map((problem) => (
            <View key={problem.line} className="staff__problem">
              <Text className="plain-text">
                第 {problem.line} 行 {problem.name || '（没有名称）'}
              </Text>
              {problem.reasons.map((reason) => (
                <Text key={reason} className="staff__line">
                  · {reason}
                </Text>
              ))}
            </View>
          ))}
          {step.preview.rows.map((row) => (
            <Text key={row.line} className="staff__line">
              {CHANGE_LABELS[row.change]} · {ORG_KIND_LABELS[row.kind]} · {row.name}
              {row.grid ? ` · ${row.grid}` : ''}
            </Text>
          ))}
          {step.error && <Text className="staff__error">{step.error}</Text>}
          {step.preview.newCount + step.preview.movedCount > 0 && (
            <BigButton onClick={() => void confirm(step)}>确认导入这 {step.preview.newCount + step.preview.movedCount} 个</BigButton>
          )}
        </View>
      )}
    </View>
  )
}
