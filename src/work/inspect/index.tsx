import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { usePhotoUploads } from '../../hooks/use-photo-uploads'
import type { HouseholdView } from '../../core/contracts/account'
import type { RuleView } from '../../core/contracts/score'
import { useAskBeforeLeaving } from '../../hooks/use-ask-before-leaving'
import { MEMBER_WORDS, type MemberWords } from '../../core/member-kind'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useMemberKindOf } from '../../hooks/use-member-kind'
import { usePreselectedHousehold } from '../../hooks/use-preselected-household'
import { WithScope } from '../../components/with-scope'
import { ConfirmStep } from './confirm-step'
import { EvidenceStep } from './evidence-step'
import { HouseholdStep } from './household-step'
import { RuleStep } from './rule-step'
import './index.css'

type Step = 'households' | 'rule' | 'evidence' | 'confirm'
const stepTitle = (step: Step, words: MemberWords): string =>
  ({ households: `第 1 步：选${words.noun}`, rule: '第 2 步：选细则', evidence: '第 3 步：拍照和说明', confirm: '第 4 步：核对后提交' })[step]

/**
 * 入户评分: one inspection walk scores several households of my scope with one rule. Router param
 * orgId (from the home page's role card); without it, the caller's scoring organisation (WithScope).
 */
export default function InspectPage() {
  return (
    <WithScope permission="score" kinds={['village', 'community', 'grid', 'micro_grid', 'alliance']} question="给哪里评分？">
      {(orgId) => <InspectionWalk key={orgId} orgId={orgId} />}
    </WithScope>
  )
}

function InspectionWalk({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const words = MEMBER_WORDS[useMemberKindOf(orgId)]
  const [step, setStep] = useState<Step>('households')
  const [households, setHouseholds] = useState<HouseholdView[]>([])
  usePreselectedHousehold(orgId, setHouseholds)
  const [rule, setRule] = useState<RuleView | null>(null)
  // Photos taken without signal stay on the phone and go up with the finished walk.
  const uploads = usePhotoUploads(9, { keepOffline: true })
  const [note, setNote] = useState('')
  // Kept: the walk is on the phone (perhaps waiting for signal); applied: the server has scored it.
  const [finished, setFinished] = useState<'no' | 'kept' | 'applied'>('no')
  // The back arrow in the middle of a walk asks first, while households, a note or photos are chosen.
  useAskBeforeLeaving(finished === 'no' && (households.length > 0 || note.trim() !== '' || uploads.photos.length > 0), '还没提交，确定离开吗？')

  const startOver = () => {
    setFinished('no')
    setHouseholds([])
    setRule(null)
    uploads.clear()
    setNote('')
    setStep('households')
  }

  return (
    <View className={`screen ${elder.rootClass} inspect`}>
      <Text className="inspect__step">{finished === 'applied' ? '评分完成' : finished === 'kept' ? '已记下这次评分' : stepTitle(step, words)}</Text>
      {step === 'households' && (
        <HouseholdStep orgId={orgId} words={words} selected={households} onChange={setHouseholds} onNext={() => setStep('rule')} />
      )}
      {step === 'rule' && (
        <RuleStep
          orgId={orgId}
          words={words}
          selected={rule}
          onPick={(picked) => {
            setRule(picked)
            setStep('evidence')
          }}
          onBack={() => setStep('households')}
        />
      )}
      {step === 'evidence' && rule && (
        <EvidenceStep
          rule={rule}
          uploads={uploads}
          note={note}
          onNote={setNote}
          onNext={() => setStep('confirm')}
          onBack={() => setStep('rule')}
        />
      )}
      {step === 'confirm' && rule && (
        <ConfirmStep
          orgId={orgId}
          words={words}
          households={households}
          rule={rule}
          photos={uploads.photos}
          note={note}
          onBack={() => setStep('evidence')}
          onFinished={setFinished}
          onStartOver={startOver}
        />
      )}
    </View>
  )
}

