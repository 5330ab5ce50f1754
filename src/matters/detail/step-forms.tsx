import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { takeMatterStep, type MatterStepAction } from '../../api/matter'
import { BigButton } from '../../components/big-button'
import { PhotoPicker } from '../../components/photo-picker'
import type { MatterDetail } from '../../core/contracts/matter'
import { MATTER_RATING_LABELS, MATTER_RATINGS, type MatterRating } from '../../core/matter'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { usePhotoUploads } from '../../hooks/use-photo-uploads'

type Props = { matter: MatterDetail; onDone: (matter: MatterDetail) => void }

/** The steps the caller may take now, one card each; the backend checks everything again. */
export function StepForms({ matter, onDone }: Props) {
  const intent = useIntentRequestId()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Each card keeps its own words: a decline's reason is not a progress note.
  const [words, setWords] = useState<Record<'rate' | 'decline' | 'progress' | 'feedback' | 'extend', string>>({ rate: '', decline: '', progress: '', feedback: '', extend: '' })
  const wordsOf = (card: keyof typeof words) => words[card].trim()
  const textarea = (card: keyof typeof words, placeholder: string, maxlength = 200) => (
    <View className={`matters__${card}`}>
      <Textarea
        className="matters__textarea"
        value={words[card]}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => setWords((all) => ({ ...all, [card]: e.detail.value }))}
      />
    </View>
  )
  const [days, setDays] = useState(7)
  const [target, setTarget] = useState<string | null>(null)
  const uploads = usePhotoUploads(9)
  const may = (step: MatterStepAction) => matter.mayTake.includes(step)

  const run = async (action: MatterStepAction, params: Record<string, unknown>) => {
    if (busy) return
    if (uploads.uploading > 0) return setProblem('照片还在上传，请稍等')
    setBusy(true)
    const input = { matterId: matter.id, ...params }
    const envelope = await takeMatterStep(action, { requestId: intent.idFor({ action, ...input }), ...input } as never)
    setBusy(false)
    if (!envelope.ok) return setProblem(envelope.error.message)
    intent.done()
    setProblem(null)
    setWords({ rate: '', decline: '', progress: '', feedback: '', extend: '' })
    setTarget(null)
    uploads.clear()
    onDone(envelope.data)
  }

  return (
    <View>
      {problem && <Text className="matters__problem">{problem}</Text>}
      {may('rate') && (
        <View className="card">
          <Text className="section-title">您对办理结果满意吗？</Text>
          {textarea('rate', '想说的话（可以不写）')}
          {MATTER_RATINGS.map((rating: MatterRating) => (
            <BigButton key={rating} kind={rating === 'unsatisfied' ? 'plain' : 'primary'} onClick={() => void run('rate', { rating, comment: wordsOf('rate') })}>
              {MATTER_RATING_LABELS[rating]}
            </BigButton>
          ))}
          {!matter.reopened && <Text className="muted-text">选“不满意”，这件事会重新办理一次。</Text>}
        </View>
      )}
      {(may('accept') || may('decline')) && (
        <View className="card">
          <Text className="section-title">先看一看：受理吗？</Text>
          {may('accept') && <BigButton onClick={() => void run('accept', { note: '' })}>受理</BigButton>}
          {may('decline') && textarea('decline', '不受理的原因（不受理时必填）')}
          {may('decline') && (
            <BigButton kind="plain" onClick={() => void run('decline', { reason: wordsOf('decline') })}>
              不予受理
            </BigButton>
          )}
        </View>
      )}
      {may('merge') && matter.mergeTargets.length > 0 && (
        <View className="card">
          <Text className="section-title">和以前提的是同一件事？合并</Text>
          {matter.mergeTargets.map((other) => (
            <View key={other.id} className={`matters__choice ${target === String(other.id) ? 'matters__choice--on' : ''}`} onClick={() => setTarget(String(other.id))}>
              {target === String(other.id) ? '●' : '○'} {other.text}
            </View>
          ))}
          <BigButton kind="plain" onClick={() => (target ? void run('merge', { intoId: Number(target) }) : setProblem('请先选要合并到哪一件'))}>
            合并
          </BigButton>
        </View>
      )}
      {may('assign') && (
        <View className="card">
          <Text className="section-title">{matter.assignee ? '改交给谁去办' : '交给谁去办'}</Text>
          {matter.cadres.map((cadre) => (
            <View key={cadre.openid} className={`matters__choice ${target === cadre.openid ? 'matters__choice--on' : ''}`} onClick={() => setTarget(cadre.openid)}>
              {target === cadre.openid ? '●' : '○'} 村干部 {cadre.name}
            </View>
          ))}
          <View className={`matters__choice ${target === 'street' ? 'matters__choice--on' : ''}`} onClick={() => setTarget('street')}>
            {target === 'street' ? '●' : '○'} 上报街道
          </View>
          <DaysStepper days={days} onChange={setDays} label="办理期限" />
          <BigButton
            onClick={() =>
              !target ? setProblem('请先选交办给谁') : void run('assign', target === 'street' ? { to: 'street', days } : { to: 'cadre', cadreOpenid: target, days })
            }
          >
            交办
          </BigButton>
        </View>
      )}
      {(may('progress') || may('feedback')) && (
        <View className="card">
          <Text className="section-title">办理情况</Text>
          <PhotoPicker uploads={uploads} />
          {may('progress') && (
            <View className="matters__handle-part">
              <Text className="plain-text">记一笔进展（村民能看到办到哪一步）</Text>
              {textarea('progress', '今天办了什么', 300)}
              <BigButton kind="plain" onClick={() => void run('progress', { note: wordsOf('progress'), photos: uploads.fileIds })}>
                记录进展
              </BigButton>
            </View>
          )}
          {may('feedback') && (
            <View className="matters__handle-part">
              <Text className="plain-text">办好了，告诉村民结果（村民可以评价满意不满意）</Text>
              {textarea('feedback', '办理结果', 300)}
              <BigButton onClick={() => void run('feedback', { outcome: wordsOf('feedback'), photos: uploads.fileIds })}>反馈结果给村民</BigButton>
            </View>
          )}
        </View>
      )}
      {may('extend') && (
        <View className="card">
          <Text className="section-title">办理期限不够？</Text>
          <DaysStepper days={days} onChange={setDays} label="再延" />
          {textarea('extend', '延期的原因')}
          <BigButton kind="plain" onClick={() => void run('extend', { days, reason: wordsOf('extend') })}>
            延期
          </BigButton>
        </View>
      )}
    </View>
  )
}

function DaysStepper({ days, onChange, label }: { days: number; onChange: (days: number) => void; label: string }) {
  return (
    <View className="matters__days">
      <Text className="plain-text">{label}</Text>
      <Text className="step-button" onClick={() => onChange(Math.max(1, days - 1))}>
        −
      </Text>
      <Text className="matters__days-value">{days} 天</Text>
      <Text className="step-button" onClick={() => onChange(Math.min(90, days + 1))}>
        ＋
      </Text>
    </View>
  )
}
