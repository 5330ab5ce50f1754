import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import { matterDetail, secondMatter } from '../../api/matter'
import { askNoticeSubscription, noticeSubscriptionPossible } from '../../api/subscribe'
import { BigButton } from '../../components/big-button'
import { ErrorView } from '../../components/error-view'
import { LoadingView } from '../../components/loading-view'
import { NeedsLink } from '../../components/needs-link'
import { PhotoThumbs } from '../../components/photo-thumbs'
import { TermExplainer } from '../../components/term-explainer'
import type { MatterDetail } from '../../core/contracts/matter'
import { formatLocalTime } from '../../core/period'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { MatterCard } from '../components/matter-card'
import '../matters.css'
import { StepForms } from './step-forms'

/** One matter (router param id): its card, 我也遇到, the steps it went through, and what I may do now. */
export default function MatterDetailPage() {
  const id = Number(useRouter().params.id ?? 0)
  return id > 0 ? <MatterDetailOf id={id} /> : <NeedsLink pageClass="matters" sentence="要看哪一件事？请从「议事公开栏」或「我的议事」里点开一件。" />
}

function MatterDetailOf({ id }: { id: number }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => matterDetail(id), [id])
  const [changed, setChanged] = useState<MatterDetail | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const intent = useIntentRequestId()
  useEffect(
    () =>
      onDemoIdentityChange(() => {
        setChanged(null)
        reload()
      }),
    [reload],
  )
  const matter = changed ?? (state.status === 'ok' ? state.data : null)

  const second = async () => {
    if (!matter) return
    const envelope = await secondMatter(intent.idFor({ second: matter.id }), matter.id)
    if (!envelope.ok) return setProblem(envelope.error.message)
    intent.done()
    setChanged(envelope.data)
  }

  return (
    <View className={`screen matters ${elder.rootClass}`}>
      {state.status === 'loading' && !changed && <LoadingView />}
      {state.status === 'error' && <ErrorView error={state.error} onRetry={reload} />}
      {matter && (
        <View>
          <MatterCard matter={matter} />
          {problem && <Text className="matters__problem">{problem}</Text>}
          {matter.maySecond && <BigButton onClick={() => void second()}>我也遇到</BigButton>}
          {matter.secondedByMyHousehold && <Text className="plain-text matter-card__seconds">您家已经点过“我也遇到”，办理结果会通知您。</Text>}
          <StepForms matter={matter} onDone={setChanged} />
          {matter.mine && noticeSubscriptionPossible && (
            <BigButton kind="plain" onClick={() => void askNoticeSubscription()}>
              办理进展用微信通知我
            </BigButton>
          )}
          <View className="card">
            <Text className="section-title">办理经过</Text>
            {matter.steps.some((step) => step.kind === 'assign') && <TermExplainer term="交办" />}
            {matter.steps.map((step) => (
              <View key={step.id} className="matters__step">
                <Text className="matters__step-title">
                  {step.label} · {step.by}
                </Text>
                <Text className="muted-text">{formatLocalTime(step.at)}</Text>
                {step.note && step.kind !== 'raise' && <Text className="plain-text">{step.note}</Text>}
                {step.dueAt && <Text className="muted-text">期限：{formatLocalTime(step.dueAt)}</Text>}
                {step.kind !== 'raise' && <PhotoThumbs photos={step.photos} inCheck={step.photosInCheck} note={step.photoNote} />}
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
