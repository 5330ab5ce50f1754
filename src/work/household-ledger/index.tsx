import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ledger } from '../../api/score'
import { reverseEntry } from '../../api/staff-scoring'
import { BigButton } from '../../components/big-button'
import { Loaded } from '../../components/loaded'
import type { LedgerLine } from '../../core/contracts/score'
import { signedPoints } from '../../core/villager-labels'
import { useElderMode } from '../../hooks/use-elder-mode'
import { useEnvelope } from '../../hooks/use-envelope'
import { DecisionPanel } from '../components/decision-panel'
import { LedgerHead, LedgerLineCard, type LedgerLineDetail } from '../../components/ledger-line'
import { useStaffOrgs } from '../../hooks/use-staff-orgs'
import { NeedsLink } from '../../components/needs-link'
import './index.css'

/** 农户积分明细 (router param householdId) for staff; a cadre can 冲销 a score line with a reason. */
export default function HouseholdLedgerPage() {
  const linked = Boolean(useRouter().params.householdId)
  return linked ? <HouseholdLedger /> : <NeedsLink sentence="要看哪一户的积分？请从农户列表里点一户。" />
}

function HouseholdLedger() {
  const elder = useElderMode()
  const householdId = useRouter().params.householdId ?? ''
  const limit = elder.pageSize(20)
  const { state, reload } = useEnvelope(() => ledger({ householdId, limit }), [householdId, limit])
  const cadre = useStaffOrgs('decideScores')
  const mayReverse = cadre.state.status === 'ok' && cadre.state.data.length > 0

  const [older, setOlder] = useState<{ lines: LedgerLine[]; next: number | null; loading: boolean; error: string | null }>({
    lines: [],
    next: null,
    loading: false,
    error: null,
  })
  useEffect(() => {
    if (state.status === 'ok') setOlder({ lines: [], next: state.data.nextBeforeId, loading: false, error: null })
  }, [state])

  const householdName = state.status === 'ok' ? state.data.householdName : null
  useEffect(() => {
    if (householdName) void Taro.setNavigationBarTitle({ title: `${householdName} 积分明细` })
  }, [householdName])

  const loadOlder = async () => {
    if (older.next === null || older.loading) return
    setOlder({ ...older, loading: true, error: null })
    const envelope = await ledger({ householdId, beforeId: older.next, limit })
    setOlder(
      envelope.ok
        ? { lines: [...older.lines, ...envelope.data.lines], next: envelope.data.nextBeforeId, loading: false, error: null }
        : { ...older, loading: false, error: envelope.error.message },
    )
  }

  return (
    <View className={`screen ${elder.rootClass} hh-ledger`}>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <View>
            <LedgerHead householdName={data.householdName} balance={data.balance} thisMonth={data.thisMonth} />
            {data.lines.length === 0 && <Text className="plain-text">这户还没有积分记录。</Text>}
            {[...data.lines, ...older.lines].map((line) => (
              <LineCard key={line.id} line={line} mayReverse={mayReverse} onReversed={reload} />
            ))}
            {older.error && <Text className="hh-ledger__error">{older.error}</Text>}
            {older.next !== null && (
              <BigButton kind="plain" onClick={() => void loadOlder()}>
                {older.loading ? '正在加载…' : '看更早的记录'}
              </BigButton>
            )}
          </View>
        )}
      </Loaded>
    </View>
  )
}

function LineCard({ line, mayReverse, onReversed }: { line: LedgerLine; mayReverse: boolean; onReversed: () => void }) {
  const reversible = mayReverse && line.kind === 'score' && line.reversedBy === null
  const details: LedgerLineDetail[] = []
  if (line.rule) details.push({ key: 'version', text: `细则第 ${line.rule.version} 版`, className: 'elder-hide' })
  if (line.reversedBy !== null) details.push({ key: 'reversed', text: '这一笔已冲销', className: 'hh-line__flag' })
  if (line.reverses !== null) details.push({ key: 'reverses', text: '这是对一笔记录的冲销', className: 'hh-line__flag' })
  return (
    <LedgerLineCard line={line} className="hh-line" balanceText={`之后 ${line.balanceAfter} 分`} details={details}>
      {reversible && (
        <DecisionPanel
          noteLabel="冲销理由（必填，会记在明细里）"
          actions={[
            {
              key: 'reverse',
              label: '冲销',
              kind: 'plain',
              question: `确定冲销这一笔（${signedPoints(line.points)} 分）？会记一笔相反的分。`,
              doneText: '已冲销',
            },
          ]}
          run={(_key, reason, requestId) => reverseEntry({ requestId, entryId: line.id, reason })}
          onDone={onReversed}
        />
      )}
    </LedgerLineCard>
  )
}
