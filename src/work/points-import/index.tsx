import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { pickRosterFile, type RosterFile } from '../../api/pick-roster-file'
import { newRequestId } from '../../api/request-id'
import { saveExport } from '../../api/save-export'
import { confirmPointsImport, draftPointsImport, pointsImports, pointsImportTemplate, previewPointsImport, withdrawPointsImport } from '../../api/points-import'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import { PrivacyPopup } from '../../components/privacy-popup'
import { WithScope } from '../../components/with-scope'
import type { PointsImportPreview, PointsImportView } from '../../core/contracts/score'
import { formatLocalTime, localDay } from '../../core/period'
import type { GroupTotals, PaperFigures, PointsImportRow } from '../../core/points-import'
import type { RuleCategory } from '../../core/rules'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import './points-import.css'

/** How many good rows a preview or a draft lists; the rest are counted. */
const SHOWN_ROWS = 20

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'failed'; message: string }
  | { kind: 'preview'; file: RosterFile; preview: PointsImportPreview; requestId: string; error?: string }

/**
 * 纸质积分导入: a village that kept 善治积分 on paper brings each household's carried-over balance and
 * this year's points in once. The cadre downloads the template, fills it in, previews it (bad rows
 * and totals per group beside the paper's) and drafts it; the accountant or another cadre checks the
 * draft here and confirms it, which writes the points.
 */
export default function PointsImportPage() {
  return (
    <WithScope permission="confirmPointsImport" kinds={['village']} question="导入哪个村的纸质积分？">
      {(orgId) => <PointsImport orgId={orgId} />}
    </WithScope>
  )
}

function PointsImport({ orgId }: { orgId: string }) {
  const list = useEnvelope(() => pointsImports(orgId), [orgId])
  // What was just done, kept here: the list reloads after a draft or a confirmation, and its cards with it.
  const [done, setDone] = useState<string | null>(null)
  const finished = (text: string) => {
    setDone(text)
    list.reload()
  }
  return (
    <View className="screen points-import">
      <PrivacyPopup />
      {done && <Text className="points-import__done">{done}</Text>}
      <Loaded state={list.state} onRetry={list.reload}>
        {(data) => (
          <View>
            {data.mayDraft && <DraftCard orgId={orgId} onDrafted={finished} />}
            <Text className="section-title">导入记录</Text>
            {data.imports.length === 0 && <Text className="plain-text">还没有导入过。</Text>}
            {data.imports.map((draft) => (
              <ImportCard key={draft.id} draft={draft} mayWithdraw={data.mayDraft} onDone={finished} />
            ))}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function DraftCard({ orgId, onDrafted }: { orgId: string; onDrafted: (text: string) => void }) {
  const [asOf, setAsOf] = useState(() => localDay(new Date()))
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  const [templateMessage, setTemplateMessage] = useState<string | null>(null)

  async function downloadTemplate() {
    setTemplateMessage('正在生成模板…')
    const answer = await pointsImportTemplate(orgId)
    if (!answer.ok) return setTemplateMessage(answer.error.message)
    try {
      setTemplateMessage(await saveExport(answer.data))
    } catch {
      setTemplateMessage('模板没能保存，请再试一次')
    }
  }

  async function choose() {
    const picked = await pickRosterFile()
    if (!picked) return
    if (!picked.ok) return setStep({ kind: 'failed', message: picked.message })
    setStep({ kind: 'busy', text: '正在检查表格…' })
    const answer = await previewPointsImport(orgId, asOf, picked.file)
    if (!answer.ok) return setStep({ kind: 'failed', message: answer.error.message })
    setStep({ kind: 'preview', file: picked.file, preview: answer.data, requestId: newRequestId() })
  }

  async function draft(current: Extract<Step, { kind: 'preview' }>) {
    setStep({ kind: 'busy', text: '正在提交…' })
    const answer = await draftPointsImport(current.requestId, orgId, current.preview.asOf, current.file, current.preview.fileSha256)
    if (!answer.ok) return setStep({ ...current, error: answer.error.message })
    setStep({ kind: 'idle' })
    onDrafted(`已提交 ${answer.data.rows.length} 户，请合作社会计（或另一位村干部）核对后确认。确认以前积分不会入账。`)
  }

  return (
    <View>
      <View className="card">
        <Text className="section-title">第一步：下载模板</Text>
        <Text className="plain-text">模板里已经列好本村每一户。每户填：结转余额（往年剩下的积分，已兑换的扣掉，含上年积分）、今年各类积分、上年积分（办善治贷用，可不填）、原来的纸质积分卡号（有卡的填，导入后超市照样认这张卡，密码请村干部在“名册与绑定”里设）。每组最后一行“合计”填纸质台账上的合计数，方便核对。不填的户这次不导入。</Text>
        <BigButton kind="plain" onClick={() => void downloadTemplate()}>
          下载模板
        </BigButton>
        {templateMessage && <Text className="plain-text">{templateMessage}</Text>}
      </View>
      <View className="card">
        <Text className="section-title">第二步：选截至日期和填好的表格</Text>
        <Text className="plain-text">今年的积分算到哪一天：</Text>
        <Picker mode="date" value={asOf} end={localDay(new Date())} onChange={(e) => setAsOf(String(e.detail.value))}>
          <View className="points-import__date">{asOf}</View>
        </Picker>
        {step.kind !== 'busy' && (
          <BigButton onClick={() => void choose()}>{step.kind === 'preview' ? '换一个文件' : '选择填好的表格'}</BigButton>
        )}
        {step.kind === 'busy' && <Text className="plain-text">{step.text}</Text>}
        {step.kind === 'failed' && <Text className="points-import__error">{step.message}</Text>}
      </View>
      {step.kind === 'preview' && <PreviewCard step={step} onDraft={() => void draft(step)} />}
    </View>
  )
}

function PreviewCard({ step, onDraft }: { step: Extract<Step, { kind: 'preview' }>; onDraft: () => void }) {
  const { preview } = step
  const good = preview.rows.length
  const bad = preview.problems.length
  return (
    <View className="card">
      <Text className="section-title">第三步：核对</Text>
      <Text className="plain-text">
        {preview.fileName}：能导入 {good} 户{bad > 0 ? `，有问题的 ${bad} 行` : ''}
        {preview.unfilled > 0 ? `，没填的 ${preview.unfilled} 户这次不导入` : ''}。
      </Text>
      {bad > 0 && (
        <View>
          <Text className="points-import__error">下面这些行有问题，请在表格里改好后重新选择文件：</Text>
          {preview.problems.map((problem) => (
            <View key={problem.line} className="points-import__problem">
              <Text className="points-import__problem-line">
                第 {problem.line} 行 {problem.houseNo || '（无门牌）'} {problem.headName}
              </Text>
              {problem.reasons.map((reason) => (
                <Text key={reason} className="points-import__problem-reason">
                  · {reason}
                </Text>
              ))}
            </View>
          ))}
        </View>
      )}
      <Totals totals={preview.totals} categories={preview.categories} />
      <Rows rows={preview.rows} categories={preview.categories} />
      {step.error && <Text className="points-import__error">{step.error}</Text>}
      {bad === 0 && good > 0 && <BigButton onClick={onDraft}>提交这 {good} 户，请会计确认</BigButton>}
    </View>
  )
}

function ImportCard({ draft, mayWithdraw, onDone }: { draft: PointsImportView; mayWithdraw: boolean; onDone: (text: string) => void }) {
  const { idFor, done } = useIntentRequestId()
  const [message, setMessage] = useState<string | null>(null)

  async function confirm() {
    setMessage('正在导入…')
    const answer = await confirmPointsImport(idFor({ importId: draft.id }), draft.id)
    if (!answer.ok) return setMessage(answer.error.message)
    done()
    setMessage(null)
    onDone(`已导入 ${answer.data.households} 户，共 ${answer.data.entries} 笔积分。`)
  }

  async function withdraw() {
    const { confirm } = await Taro.showModal({ title: '作废这份草稿？', content: '作废后不能再确认，积分不会入账。', confirmText: '作废', confirmColor: '#b3261e', cancelText: '取消' })
    if (!confirm) return
    setMessage('正在作废…')
    const answer = await withdrawPointsImport(idFor({ withdraw: draft.id }), draft.id)
    if (!answer.ok) return setMessage(answer.error.message)
    done()
    setMessage(null)
    onDone('草稿已作废，积分没有入账。')
  }

  return (
    <View className="card points-import__draft">
      <Text className={`points-import__status points-import__status--${draft.status}`}>{STATUS_LABELS[draft.status]}</Text>
      <Text className="plain-text">
        {draft.fileName}，今年积分截至 {draft.asOf}，共 {draft.rows.length} 户
      </Text>
      <Text className="muted-text">
        {draft.draftedBy} 于 {formatLocalTime(draft.draftedAt)} 提交
        {draft.confirmedBy && draft.confirmedAt ? `；${draft.confirmedBy} 于 ${formatLocalTime(draft.confirmedAt)} 确认` : ''}
      </Text>
      <Text className="muted-text">文件指纹：{draft.fileSha256.slice(0, 16)}…</Text>
      <Totals totals={draft.totals} categories={draft.categories} />
      {draft.status === 'draft' && <Rows rows={draft.rows} categories={draft.categories} />}
      {draft.status === 'draft' && !draft.mayConfirm && <Text className="plain-text">要由另一个人（合作社会计或另一位村干部）核对后确认。</Text>}
      {draft.mayConfirm && <BigButton onClick={() => void confirm()}>核对无误，确认导入</BigButton>}
      {draft.status === 'draft' && mayWithdraw && (
        <BigButton kind="plain" onClick={() => void withdraw()}>
          作废这份草稿
        </BigButton>
      )}
      {message && <Text className="plain-text points-import__message">{message}</Text>}
    </View>
  )
}

/** The totals per group beside the paper's own 合计; a figure that differs is marked. */
function Totals({ totals, categories }: { totals: GroupTotals[]; categories: RuleCategory[] }) {
  return (
    <View className="points-import__totals">
      <Text className="points-import__subtitle">各组合计（表里算出的 / 纸质台账写的）</Text>
      {totals.map((group) => (
        <View key={group.group ?? '全村'} className={`points-import__group${group.differences.length > 0 ? ' points-import__group--differs' : ''}`}>
          <Text className="points-import__group-name">
            {group.group ?? '全村'}（{group.households} 户）
          </Text>
          {figureLines(group.rows, categories).map(([label, value]) => (
            <Text key={label} className="points-import__figure">
              {label}：{value}
              {group.paper ? ` / ${figureOf(group.paper, label)}` : ''}
            </Text>
          ))}
          {!group.paper && <Text className="muted-text">纸质台账没有填这一组的合计</Text>}
          {group.differences.length > 0 && <Text className="points-import__error">和纸质台账对不上：{group.differences.join('、')}</Text>}
        </View>
      ))}
    </View>
  )
}

function Rows({ rows, categories }: { rows: PointsImportRow[]; categories: RuleCategory[] }) {
  return (
    <View>
      {rows.slice(0, SHOWN_ROWS).map((row) => (
        <Text key={row.line} className="points-import__row">
          {row.houseNo} {row.headName} · {figureLines(row, categories).map(([label, value]) => `${label} ${value}`).join(' · ')}
          {row.cardNumber ? ` · 积分卡号 ${row.cardNumber}` : ''}
        </Text>
      ))}
      {rows.length > SHOWN_ROWS && <Text className="muted-text">……还有 {rows.length - SHOWN_ROWS} 户</Text>}
    </View>
  )
}

const STATUS_LABELS: Record<PointsImportView['status'], string> = { draft: '待确认', confirmed: '已导入', withdrawn: '已作废' }

const BALANCE = '结转余额'
const LAST_YEAR = '上年积分'

/** A household's or a group's figures as label and value: the balance, each category of this year, last year's. */
function figureLines(figures: PaperFigures, categories: RuleCategory[]): [string, number][] {
  return [[BALANCE, figures.balance], ...categories.map((c): [string, number] => [`今年${c}`, figures.thisYear[c] ?? 0]), [LAST_YEAR, figures.lastYear]]
}

function figureOf(figures: PaperFigures, label: string): number {
  if (label === BALANCE) return figures.balance
  if (label === LAST_YEAR) return figures.lastYear
  return figures.thisYear[label.replace(/^今年/, '') as RuleCategory] ?? 0
}
