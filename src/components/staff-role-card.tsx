import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RoleView, WaitingWork } from '../core/contracts/account'
import { BigButton } from './big-button'
import { workEntriesFor } from './work-entries'
import './staff-role-card.css'

/** 「待我审核 · 3 条」, with 「其中 1 条逾期」 when some are. */
function waitingLabel(label: string, work: WaitingWork | undefined): string {
  if (!work) return label
  return `${label} · ${work.count} 条${work.overdue > 0 ? `（其中 ${work.overdue} 条逾期）` : ''}`
}

/**
 * One staff role on one organisation ("村干部 · 赵家桥村") with the work it can open: the work that waits
 * for the person is filled and counted, the rest plain, so the eye goes to what needs doing.
 */
export function StaffRoleCard({ role, waiting }: { role: RoleView; waiting: readonly WaitingWork[] }) {
  const entries = workEntriesFor(role)
  return (
    <View className="card staff-role-card">
      <Text className="staff-role-card__title">
        {role.label} · {role.org.name}
      </Text>
      {entries.map((entry) => (
        <BigButton
          key={entry.key}
          kind={waiting.some((w) => w.key === entry.key) ? 'primary' : 'plain'}
          onClick={() => void Taro.navigateTo({ url: entry.url })}
        >
          {waitingLabel(entry.label, waiting.find((w) => w.key === entry.key))}
        </BigButton>
      ))}
      {entries.length === 0 && <Text className="staff-role-card__none">这个岗位的功能正在准备中</Text>}
    </View>
  )
}
