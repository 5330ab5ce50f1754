import Taro, { useRouter } from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { householdDetail, issueInvite, listInvites, listMembers, revokeInvite, unbindMember, updateHousehold, type HouseholdChanges } from '../../api/roster'
import { newRequestId } from '../../api/request-id'
import { BigButton } from '../../components/big-button'
import { ErrorView } from '../../components/error-view'
import { FieldProblem } from '../../components/field-problem'
import { Loaded } from '../../components/loaded'
import type { HouseholdDetail, InviteStatus, IssuedInvite, OrgRef } from '../../core/contracts/account'
import { shownCode, type ShownOnce } from '../../core/contracts/shown-once'
import { formatLocalTime } from '../../core/period'
import { formatInviteCode } from '../../core/roster/invite-code'
import { useEnvelope } from '../../hooks/use-envelope'
import { useFormProblems } from '../../hooks/use-form-problems'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import { PrintedCardCard } from './printed-card'
import { NeedsLink } from '../../components/needs-link'
import { ResidenceCard } from './residence-card'
import './roster.css'

const INVITE_STATUS_LABELS: Record<InviteStatus, string> = {
  active: '有效',
  used: '已使用',
  revoked: '已作废',
  expired: '已过期',
}

/** 农户信息: correct a household by hand, issue an invite code for it, unbind its members, set up its printed card. */
export default function HouseholdPage() {
  const linked = Boolean(useRouter().params.id)
  return linked ? <Household /> : <NeedsLink sentence="要看哪一户？请从「名册与绑定」里点一户。" />
}

function Household() {
  const householdId = useRouter().params.id ?? ''
  const detail = useEnvelope(() => householdDetail(householdId), [householdId])
  return (
    <View className="screen roster">
      <Loaded state={detail.state} onRetry={detail.reload}>
        {(data) => (
          <>
            <EditCard detail={data} />
            <ResidenceCard detail={data} />
          </>
        )}
      </Loaded>
      <InvitesCard householdId={householdId} />
      <MembersCard householdId={householdId} />
      <PrintedCardCard householdId={householdId} />
    </View>
  )
}

function EditCard({ detail }: { detail: HouseholdDetail }) {
  const { household } = detail
  const [form, setForm] = useState({
    headName: household.name,
    houseNo: household.houseNo,
    shares: String(household.shares),
    groupId: household.group?.id ?? null,
    microGridId: household.microGrid?.id ?? null,
    members: household.memberNames.join('、'),
  })
  const [saved, setSaved] = useState<string | null>(null)
  const problems = useFormProblems(['headName', 'houseNo', 'shares', 'groupId', 'microGridId', 'memberNames'] as const)
  const intent = useIntentRequestId()
  useEffect(() => void Taro.setNavigationBarTitle({ title: `${household.name} 家` }), [household.name])

  async function save() {
    setSaved(null)
    if (!/^\d+$/.test(form.shares.trim())) return problems.show({ field: 'shares', message: '股数应为 0 或正整数' })
    const changes: HouseholdChanges = {
      headName: form.headName.trim(),
      houseNo: form.houseNo.trim(),
      shares: Number(form.shares.trim()),
      groupId: form.groupId,
      microGridId: form.microGridId,
      memberNames: form.members.split(/[、,，;；\s]+/).filter((name) => name.length > 0),
    }
    problems.clear()
    setSaved('正在保存…')
    const answer = await updateHousehold(intent.idFor(changes), household.id, changes)
    setSaved(null)
    if (!answer.ok) return problems.show(answer.error)
    intent.done()
    setSaved('已保存')
  }

  const set = (key: keyof typeof form) => (event: { detail: { value: string } }) => setForm({ ...form, [key]: event.detail.value })
  return (
    <View className="card">
      <Text className="section-title">基本信息</Text>
      <Text className="roster__label">户主</Text>
      <Input className="roster__input" value={form.headName} maxlength={20} onInput={set('headName')} />
      <FieldProblem text={problems.of('headName')} />
      <Text className="roster__label">门牌</Text>
      <Input className="roster__input" value={form.houseNo} maxlength={30} onInput={set('houseNo')} />
      <FieldProblem text={problems.of('houseNo')} />
      <Text className="roster__label">股数</Text>
      <Input className="roster__input" type="number" value={form.shares} maxlength={4} onInput={set('shares')} />
      <FieldProblem text={problems.of('shares')} />
      <UnitPicker label="村民小组" units={detail.groups} value={form.groupId} onChange={(groupId) => setForm({ ...form, groupId })} />
      <FieldProblem text={problems.of('groupId')} />
      <UnitPicker label="微网格" units={detail.microGrids} value={form.microGridId} onChange={(microGridId) => setForm({ ...form, microGridId })} />
      <FieldProblem text={problems.of('microGridId')} />
      <Text className="roster__label">家庭成员（用“、”隔开）</Text>
      <Input className="roster__input" value={form.members} maxlength={400} onInput={set('members')} />
      <FieldProblem text={problems.of('memberNames')} />
      <FieldProblem text={problems.general} />
      {saved && <Text className="roster__done">{saved}</Text>}
      <BigButton onClick={() => void save()}>保存</BigButton>
    </View>
  )
}

function UnitPicker(props: { label: string; units: OrgRef[]; value: string | null; onChange: (id: string | null) => void }) {
  const names = ['（不选）', ...props.units.map((u) => u.name)]
  const index = props.value ? props.units.findIndex((u) => u.id === props.value) + 1 : 0
  return (
    <View>
      <Text className="roster__label">{props.label}</Text>
      <Picker mode="selector" range={names} value={index} onChange={(e) => props.onChange(props.units[Number(e.detail.value) - 1]?.id ?? null)}>
        <View className="roster__input roster__picker">{names[index]}</View>
      </Picker>
    </View>
  )
}

function InvitesCard({ householdId }: { householdId: string }) {
  const invites = useEnvelope(() => listInvites(householdId), [householdId])
  const [issued, setIssued] = useState<ShownOnce<IssuedInvite> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const intent = useIntentRequestId()

  async function issue() {
    setError(null)
    const answer = await issueInvite(intent.idFor({ issue: householdId }), householdId)
    if (!answer.ok) return setError(answer.error.message)
    intent.done()
    setIssued(answer.data)
    invites.reload()
  }

  async function revoke(inviteId: number, tail: string) {
    const { confirm } = await Taro.showModal({ title: '作废邀请码', content: `尾号 ${tail} 的邀请码作废后就不能再用了。确定作废吗？` })
    if (!confirm) return
    const answer = await revokeInvite(newRequestId(), inviteId)
    if (!answer.ok) return setError(answer.error.message)
    if (issued?.id === inviteId) setIssued(null)
    invites.reload()
  }

  return (
    <View className="card">
      <Text className="section-title">邀请码</Text>
      {issued && shownCode(issued) && (
        <View className="roster__code-box">
          <Text className="roster__code">{formatInviteCode(shownCode(issued)!)}</Text>
          <Text className="plain-text">请村民在小程序首页点“绑定我家”，输入这个邀请码。</Text>
          <Text className="muted-text">只能用一次，{formatLocalTime(issued.expiresAt)} 前有效。这个码只显示这一次，请现在告诉村民。</Text>
        </View>
      )}
      {issued && !shownCode(issued) && (
        <View className="roster__code-box">
          <Text className="plain-text">邀请码已发出，尾号 {issued.tail}。这个码只显示一次；如未记下，请在下面作废尾号 {issued.tail} 的邀请码，再发一个。</Text>
        </View>
      )}
      {error && <Text className="roster__error">{error}</Text>}
      <BigButton onClick={() => void issue()}>发一个邀请码</BigButton>
      {invites.state.status === 'error' && <ErrorView error={invites.state.error} onRetry={invites.reload} />}
      {invites.state.status === 'ok' &&
        invites.state.data.map((invite) => (
          <View key={invite.id} className="roster__line">
            <Text className="plain-text">
              尾号 {invite.tail} · {INVITE_STATUS_LABELS[invite.status]}
              {invite.usedBy ? `（${invite.usedBy}）` : ''}
            </Text>
            <Text className="muted-text">
              {invite.status === 'used' && invite.usedAt ? `${formatLocalTime(invite.usedAt)} 绑定` : `${formatLocalTime(invite.expiresAt)} 到期`}
            </Text>
            {invite.status === 'active' && (
              <BigButton kind="plain" onClick={() => void revoke(invite.id, invite.tail)}>
                作废
              </BigButton>
            )}
          </View>
        ))}
    </View>
  )
}

function MembersCard({ householdId }: { householdId: string }) {
  const members = useEnvelope(() => listMembers(householdId), [householdId])
  const [error, setError] = useState<string | null>(null)

  async function unbind(memberId: number, name: string) {
    const { confirm } = await Taro.showModal({ title: '解绑', content: `解绑后 ${name} 的微信就看不到这户的积分了。确定解绑吗？` })
    if (!confirm) return
    const answer = await unbindMember(newRequestId(), memberId)
    if (!answer.ok) return setError(answer.error.message)
    members.reload()
  }

  return (
    <View className="card">
      <Text className="section-title">绑定的微信</Text>
      {error && <Text className="roster__error">{error}</Text>}
      <Loaded state={members.state} onRetry={members.reload}>
        {(data) => (
          <>
            {data.length === 0 && <Text className="muted-text">还没有人绑定。</Text>}
            {data.map((member) => (
              <View key={member.id} className="roster__line">
                <Text className="plain-text">{member.displayName}</Text>
                <Text className="muted-text">
                  {formatLocalTime(member.boundAt)} 绑定
                  {member.unboundAt ? `，${formatLocalTime(member.unboundAt)} 已解绑` : ''}
                </Text>
                {!member.unboundAt && (
                  <BigButton kind="plain" onClick={() => void unbind(member.id, member.displayName)}>
                    解绑
                  </BigButton>
                )}
              </View>
            ))}
          </>
        )}
      </Loaded>
    </View>
  )
}
