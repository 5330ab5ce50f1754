import { useRouter } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { issueStaffInvite, listStaff, listStaffInvites, orgTree, revokeRole, revokeStaffInvite } from '../../api/org'
import { BigButton } from '../../components/big-button'
import { DangerConfirm } from '../../components/danger-confirm'
import { CardQr } from '../../components/card-qr'
import { ChoiceChip } from '../../components/choice-chip'
import { Loaded } from '../../components/loaded'
import { TermExplainer } from '../../components/term-explainer'
import type { OrgRef } from '../../core/contracts/account'
import type { IssuedStaffInvite, StaffList, StaffMemberView } from '../../core/contracts/org'
import { shownCode, type ShownOnce } from '../../core/contracts/shown-once'
import { formatLocalTime } from '../../core/period'
import { ORG_KIND_LABELS } from '../../core/org'
import { formatInviteCode } from '../../core/roster/invite-code'
import type { StaffRole } from '../../core/roles'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { useIntentRequestId } from '../../hooks/use-intent-request-id'
import '../org.css'

const INVITE_STATUS_LABELS = { active: '有效', used: '已使用', revoked: '已作废', expired: '已过期' } as const

/**
 * 工作人员 (router param orgId optional: the caller's own street or village): who holds which role,
 * with their latest activity; a one-time staff code (code and QR) for a new person; revoking.
 */
export default function PeoplePage() {
  const elder = useElderMode()
  const orgId = useRouter().params.orgId
  const staff = useEnvelope(() => listStaff(orgId), [orgId])
  const tree = useEnvelope(() => orgTree(orgId), [orgId])
  const invites = useEnvelope(() => listStaffInvites(orgId), [orgId])
  const reloadAll = () => {
    staff.reload()
    invites.reload()
  }
  return (
    <View className={`screen ${elder.rootClass}`}>
      <Loaded state={staff.state} onRetry={staff.reload}>
        {(data) => (
          <View>
            <Text className="section-title">{data.org.name}的工作人员</Text>
            <View className="card">
              {data.people.map((person) => (
                <PersonRow key={person.grantId} person={person} onRevoked={reloadAll} />
              ))}
              {data.people.length === 0 && <Text className="plain-text">还没有工作人员。</Text>}
            </View>
            {tree.state.status !== 'loading' && data.mayInvite.length > 0 && (
              // Who keeps no units (an alliance's committee) invites on the page's own unit alone.
              <InviteCard list={data} units={tree.state.status === 'ok' ? tree.state.data.units : [data.org]} onIssued={invites.reload} />
            )}
          </View>
        )}
      </Loaded>
      {invites.state.status === 'ok' && invites.state.data.length > 0 && (
        <View className="card elder-hide">
          <Text className="section-title">发过的工作码</Text>
          <TermExplainer term="工作码尾号" />
          {invites.state.data.map((invite) => (
            <View key={invite.id} className="staff__row">
              <Text className="plain-text">
                {invite.roleLabel} · {invite.org.name}
              </Text>
              <Text className="staff__line">
                尾号 {invite.tail} · {INVITE_STATUS_LABELS[invite.status]}
                {invite.usedBy ? ` · ${invite.usedBy}` : ''} · 有效到 {formatLocalTime(invite.expiresAt)}
              </Text>
              {invite.status === 'active' && <RevokeInviteButton inviteId={invite.id} onDone={invites.reload} />}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function PersonRow({ person, onRevoked }: { person: StaffMemberView; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const intent = useIntentRequestId()
  async function revoke() {
    const answer = await revokeRole(intent.idFor(person.grantId), person.grantId)
    if (!answer.ok) return setError(answer.error.message)
    intent.done()
    onRevoked()
  }
  return (
    <View className="staff__row staff__person">
      <Text className="plain-text">
        {person.displayName} · {person.roleLabel} · {person.org.name}
      </Text>
      <Text className="staff__line">{person.lastActiveAt ? `最近操作：${formatLocalTime(person.lastActiveAt)}` : '还没有操作过'}</Text>
      {error && <Text className="staff__error">{error}</Text>}
      {person.mayRevoke && !confirming && (
        <ChoiceChip onClick={() => setConfirming(true)}>撤销角色</ChoiceChip>
      )}
      {confirming && (
        <DangerConfirm
          sentence={`撤销后，${person.displayName}不能再以${person.roleLabel}的身份在${person.org.name}做事。`}
          action={`确定撤销${person.displayName}的${person.roleLabel}`}
          onConfirm={() => void revoke()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </View>
  )
}

function RevokeInviteButton({ inviteId, onDone }: { inviteId: number; onDone: () => void }) {
  const intent = useIntentRequestId()
  const [error, setError] = useState<string | null>(null)
  async function revoke() {
    const answer = await revokeStaffInvite(intent.idFor(inviteId), inviteId)
    if (!answer.ok) return setError(answer.error.message)
    onDone()
  }
  return (
    <View>
      <ChoiceChip onClick={() => void revoke()}>作废</ChoiceChip>
      {error && <Text className="staff__error">{error}</Text>}
    </View>
  )
}

/** 发工作码: choose the role, then the unit, and (for a micro-grid) whether it is a hand-over. */
function InviteCard({ list, units: candidates, onIssued }: { list: StaffList; units: readonly (OrgRef & { retired?: boolean })[]; onIssued: () => void }) {
  const [role, setRole] = useState<StaffRole | null>(null)
  const [orgId, setOrgId] = useState<string | null>(null)
  const [handOver, setHandOver] = useState(false)
  const [issued, setIssued] = useState<ShownOnce<IssuedStaffInvite> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const intent = useIntentRequestId()
  const kinds = list.mayInvite.find((r) => r.role === role)?.orgKinds ?? []
  const units = candidates.filter((u) => !u.retired && kinds.includes(u.kind))

  async function issue() {
    if (!role || !orgId || busy) return
    setBusy(true)
    setError(null)
    const params = { role, orgId, handOver }
    const answer = await issueStaffInvite(intent.idFor(params), role, orgId, handOver)
    setBusy(false)
    if (!answer.ok) return setError(answer.error.message)
    intent.done()
    setIssued(answer.data)
    onIssued()
  }

  if (issued) {
    const code = shownCode(issued)
    return (
      <View className="card">
        <Text className="section-title">
          {issued.org.name} · {issued.roleLabel} 的工作码
        </Text>
        {code ? (
          <>
            <Text className="staff__code">{formatInviteCode(code)}</Text>
            <CardQr text={code} />
            <Text className="plain-text">请当面交给本人：在小程序里点“我是工作人员”，扫码或输入工作码。只显示这一次，有效到 {formatLocalTime(issued.expiresAt)}。</Text>
          </>
        ) : (
          <Text className="plain-text">工作码已发出，尾号 {issued.tail}。工作码只显示一次；如未记下，请在“发过的工作码”里作废尾号 {issued.tail} 的码，再发一个。</Text>
        )}
        <BigButton kind="plain" onClick={() => setIssued(null)}>
          再发一个
        </BigButton>
      </View>
    )
  }
  return (
    <View className="card">
      <Text className="section-title">发工作码</Text>
      <Text className="staff__label">什么岗位</Text>
      <View className="staff__choices">
        {list.mayInvite.map((r) => (
          <ChoiceChip
            key={r.role}
            on={role === r.role}
            onClick={() => {
              setRole(r.role)
              setOrgId(null)
            }}
          >
            {r.label}
          </ChoiceChip>
        ))}
      </View>
      {role && <Text className="staff__label">在哪个单位</Text>}
      {role && units.length === 0 && <Text className="plain-text">还没有可以发这个岗位的单位，请先在“组织架构”里新增。</Text>}
      <View className="staff__choices">
        {units.map((unit) => (
          <ChoiceChip key={unit.id} on={orgId === unit.id} onClick={() => setOrgId(unit.id)}>
            {unit.name}（{ORG_KIND_LABELS[unit.kind]}）
          </ChoiceChip>
        ))}
      </View>
      {role === 'grid_leader' && orgId && (
        <View className="staff__choices">
          <Text className="plain-text">换人：新的人绑定后，原来的微网格长不再负责</Text>
          <Switch checked={handOver} color="#0b5d3b" onChange={(e) => setHandOver(e.detail.value)} />
        </View>
      )}
      {error && <Text className="staff__error">{error}</Text>}
      {role && orgId && <BigButton onClick={() => void issue()}>{busy ? '正在发码…' : '发工作码'}</BigButton>}
    </View>
  )
}
