import { Switch, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { saveVillageSettings, villageSettings } from '../../api/village-settings'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { VillageSettingsView } from '../../core/contracts/account'
import { formatLocalTime } from '../../core/period'
import type { VillageSettings } from '../../core/village-settings'
import { useAskBeforeLeaving } from '../../hooks/use-ask-before-leaving'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { WithScope } from '../../components/with-scope'
import './index.css'

const MIN_DAYS = 0
const MAX_DAYS = 90
/** Photos of closed cases: kept 30 days to 3 years, changed a month at a time. */
const MIN_PHOTO_DAYS = 30
const MAX_PHOTO_DAYS = 1095
const PHOTO_DAYS_STEP = 30

/** 村里的设置 (router param orgId, a village): what the village decides for itself, for its cadre or the street's admin. */
export default function VillageSettingsPage() {
  return (
    <WithScope permission="manageVillageSettings" kinds={['village']} question="设置哪个村？">
      {(orgId) => <VillageSettings orgId={orgId} />}
    </WithScope>
  )
}

function VillageSettings({ orgId }: { orgId: string }) {
  const elder = useElderMode()
  const { state, reload } = useEnvelope(() => villageSettings(orgId), [orgId])
  return (
    <View className={`screen ${elder.rootClass} village-settings`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => <SettingsForm saved={data} orgId={orgId} />}
      </Loaded>
    </View>
  )
}

function SettingsForm({ saved, orgId }: { saved: VillageSettingsView; orgId: string }) {
  const [form, setForm] = useState<VillageSettings>({
    gridLeaderScoresNeedApproval: saved.gridLeaderScoresNeedApproval,
    rectifiedVisibleDays: saved.rectifiedVisibleDays,
    photoKeptDays: saved.photoKeptDays,
  })
  const [kept, setKept] = useState<VillageSettings>(form)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [lastChange, setLastChange] = useState(saved.lastChange)
  useAskBeforeLeaving(JSON.stringify(form) !== JSON.stringify(kept), '改过的设置还没保存，离开就不算数了。确定离开吗？')
  const [busy, setBusy] = useState(false)
  const intent = useIntentRequestId()
  const setDays = (days: number) => setForm({ ...form, rectifiedVisibleDays: Math.max(MIN_DAYS, Math.min(MAX_DAYS, days)) })
  const setPhotoDays = (days: number) => setForm({ ...form, photoKeptDays: Math.max(MIN_PHOTO_DAYS, Math.min(MAX_PHOTO_DAYS, days)) })

  async function save() {
    if (busy) return
    setBusy(true)
    setMessage(null)
    const answer = await saveVillageSettings(intent.idFor(form), orgId, form)
    setBusy(false)
    if (!answer.ok) return setMessage({ ok: false, text: answer.error.message })
    intent.done()
    setKept(form)
    setLastChange(answer.data.lastChange)
    setMessage({ ok: true, text: '已保存，马上生效' })
  }

  return (
    <View>
      <Text className="section-title">{saved.village.name}</Text>
      <Text className="muted-text village-settings__last">
        {lastChange ? `上次修改：${lastChange.byName}，${formatLocalTime(lastChange.at)}` : '还没有改过，用的是默认设置'}
      </Text>
      <View className="card">
        <Text className="village-settings__title">微网格长的评分</Text>
        <View className="village-settings__row">
          <Text className="plain-text">{form.gridLeaderScoresNeedApproval ? '要村干部审核后才生效' : '评完马上生效'}</Text>
          <Switch
            checked={form.gridLeaderScoresNeedApproval}
            color="#0b5d3b"
            onChange={(event) => setForm({ ...form, gridLeaderScoresNeedApproval: event.detail.value })}
          />
        </View>
        <Text className="muted-text">打开后，微网格长评的分先显示“待审核”，不加也不扣；村干部在“待我审核”里通过后才记入积分。</Text>
      </View>
      <View className="card">
        <Text className="village-settings__title">整改好的通报公开留几天</Text>
        <View className="village-settings__row">
          <Text className="step-button" onClick={() => setDays(form.rectifiedVisibleDays - 1)}>
            −
          </Text>
          <Text className="village-settings__days">{form.rectifiedVisibleDays} 天</Text>
          <Text className="step-button" onClick={() => setDays(form.rectifiedVisibleDays + 1)}>
            ＋
          </Text>
        </View>
        <Text className="muted-text">已整改的通报过了这些天就不再公开（0 天：整改好就撤下）；逾期没整改的一直留着。</Text>
      </View>
      <View className="card">
        <Text className="village-settings__title">结案后照片保存几天</Text>
        <View className="village-settings__row">
          <Text className="step-button" onClick={() => setPhotoDays(form.photoKeptDays - PHOTO_DAYS_STEP)}>
            −
          </Text>
          <Text className="village-settings__days">{form.photoKeptDays} 天</Text>
          <Text className="step-button" onClick={() => setPhotoDays(form.photoKeptDays + PHOTO_DAYS_STEP)}>
            ＋
          </Text>
        </View>
        <Text className="muted-text">通报整改好、议事办结后，过了这些天，它们的照片就从系统里删掉；积分记录一直保留，不受影响。</Text>
      </View>
      {message && <Text className={message.ok ? 'village-settings__done' : 'village-settings__error'}>{message.text}</Text>}
      <BigButton onClick={() => void save()}>{busy ? '正在保存…' : '保存'}</BigButton>
    </View>
  )
}
