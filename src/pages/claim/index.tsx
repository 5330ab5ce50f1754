import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { rules } from '../../api/score'
import { claim } from '../../api/villager-requests'
import { BigButton } from '../../components/big-button'
import { PhotoPicker } from '../../components/photo-picker'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { Loaded } from '../../components/loaded'
import { FieldProblem } from '../../components/field-problem'
import { PointsText } from '../../components/points-text'
import { StatusTag } from '../../components/villager/status-tag'
import { CLAIM_TONES } from '../../components/villager/status-tones'
import type { RuleView, ScoreRecordView } from '../../core/contracts/score'
import { ruleLimitText } from '../../core/rule-labels'
import { CLAIM_STATUS_LABELS } from '../../core/villager-labels'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useFormProblems } from '../../hooks/use-form-problems'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { usePhotoUploads } from '../../hooks/use-photo-uploads'
import './index.css'

const MAX_PHOTOS = 3
const MAX_NOTE = 200

type Step = 'fill' | 'confirm'

/** 申报加分: pick a rule a household may claim, add 1–3 photos and a note, confirm; a cadre then decides. */
export default function ClaimPage() {
  const elder = useElderMode()
  const presetRuleId = Number(useRouter().params.ruleId ?? 0)
  const { state, reload } = useEnvelope(() => rules(), [])
  const [ruleId, setRuleId] = useState<number | null>(presetRuleId > 0 ? presetRuleId : null)
  const uploads = usePhotoUploads(MAX_PHOTOS)
  const [note, setNote] = useState('')
  const [step, setStep] = useState<Step>('fill')
  const problems = useFormProblems(['ruleId', 'photos', 'note'] as const)
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<ScoreRecordView | null>(null)
  const intent = useIntentRequestId()

  const claimable: RuleView[] = state.status === 'ok' ? state.data.rules.filter((rule) => rule.claimable) : []
  const chosen = claimable.find((rule) => rule.id === ruleId) ?? null

  const check = () => {
    if (!chosen) return problems.show({ field: 'ruleId', message: '请先选一项要申报的细则' })
    if (uploads.photos.length === 0) return problems.show({ field: 'photos', message: '请至少拍一张照片作为凭证' })
    if (uploads.uploading > 0) return problems.show({ field: 'photos', message: '照片还在上传，请稍等' })
    problems.clear()
    setStep('confirm')
  }

  const send = async () => {
    if (!chosen || sending) return
    setSending(true)
    const text = note.trim()
    const input = { ruleId: chosen.id, photos: uploads.fileIds, ...(text ? { note: text } : {}) }
    const envelope = await claim({ requestId: intent.idFor(input), ...input })
    setSending(false)
    if (envelope.ok) {
      intent.done()
      setResult(envelope.data)
    } else {
      problems.show(envelope.error)
      setStep('fill')
    }
  }

  if (result) {
    return (
      <View className={`screen claim ${elder.rootClass}`}>
        <View className="card claim__done">
          <Text className="section-title">申报已提交</Text>
          <Text className="claim__rule-title">{result.rule.title}</Text>
          <View className="claim__status">
            <Text className="plain-text claim__status-label">状态：</Text>
            <StatusTag text={CLAIM_STATUS_LABELS[result.status]} tone={CLAIM_TONES[result.status]} />
          </View>
          <Text className="muted-text">村干部审核通过后，积分会加到您家的积分里。</Text>
          <BigButton onClick={() => void Taro.redirectTo({ url: '/pages/requests/index' })}>查看我的申报和申诉</BigButton>
          <BigButton kind="plain" onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
            回首页
          </BigButton>
        </View>
      </View>
    )
  }

  return (
    <View className={`screen claim ${elder.rootClass}`}>
      <Loaded state={state} onRetry={reload}>
        {() => (
          <>
            {step === 'fill' && (
              <View>
                <View className="card">
                  <Text className="section-title">1. 申报哪一项</Text>
                  {claimable.length === 0 && <Text className="plain-text">本村细则里没有可以自己申报的项目。</Text>}
                  {claimable.map((rule) => (
                    <View
                      key={rule.id}
                      className={`claim__rule ${rule.id === ruleId ? 'claim__rule--on' : ''}`}
                      onClick={() => setRuleId(rule.id)}
                    >
                      <Text className="claim__mark">{rule.id === ruleId ? '●' : '○'}</Text>
                      <View className="claim__rule-body">
                        <Text className="claim__rule-title">{rule.title}</Text>
                        <Text className="claim__rule-meta">
                          <PointsText points={rule.points} /> 分{ruleLimitText(rule) ? ` · ${ruleLimitText(rule)}` : ''}
                        </Text>
                      </View>
                    </View>
                  ))}
                  <FieldProblem text={problems.of('ruleId')} />
                </View>

                <View className="card">
                  <Text className="section-title">2. 拍照</Text>
                  <PhotoPicker uploads={uploads} />
                  <FieldProblem text={problems.of('photos')} />
                </View>

                <View className="card">
                  <Text className="section-title">3. 说明（可以不写）</Text>
                  <Textarea
                    className="claim__note"
                    value={note}
                    maxlength={MAX_NOTE}
                    placeholder="比如：11月20日在村口值守"
                    onInput={(event) => setNote(event.detail.value)}
                  />
                  <FieldProblem text={problems.of('note')} />
                </View>

                <FieldProblem text={problems.general} />
                <BigButton onClick={check}>下一步：核对</BigButton>
              </View>
            )}
            {step === 'confirm' && chosen && (
              <View className="card">
                <Text className="section-title">请核对后提交</Text>
                <Text className="claim__rule-title">{chosen.title}</Text>
                <Text className="claim__rule-meta">
                  审核通过后 <PointsText points={chosen.points} /> 分
                </Text>
                <PhotoThumbs photos={uploads.fileIds} />
                <Text className="plain-text">说明：{note.trim() || '（没有写）'}</Text>
                <BigButton onClick={() => void send()}>{sending ? '正在提交…' : '确认提交'}</BigButton>
                <BigButton kind="plain" onClick={() => setStep('fill')}>
                  返回修改
                </BigButton>
              </View>
            )}
          </>
        )}
      </Loaded>
    </View>
  )
}
