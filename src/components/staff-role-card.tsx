import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RoleView, WaitingWork, WorkEntry } from '../core/contracts/account'
import { waitingAgeText } from '../core/reminders'
import { BigButton } from './big-button'
import './staff-role-card.css'

/** The same list opened on its overdue items only (「只看逾期」): what 「其中 N 条逾期」 opens. */
function overdueUrl(entry: WorkEntry): string {
  return `${entry.url}${entry.url.includes('?') ? '&' : '?'}only=overdue`
}

/**
 * One staff role on one organisation ("村干部 · 赵家桥村"). It starts with 「今天要做的」: each kind of work
 * waiting, with its count (「待我审核 · 3 条」), how long the oldest has waited and the overdue in red, one
 * tap to its list (the overdue count to the same list showing only the overdue, 「只看逾期」); then the
 * rest of the role's work, quieter.
 */
export function StaffRoleCard({ role, waiting }: { role: RoleView; waiting: readonly WaitingWork[] }) {
  const { entries } = role
  const now = new Date()
  const waitingEntries = entries.flatMap((entry) => {
    const work = waiting.find((w) => w.key === entry.key)
    return work ? [{ entry, work }] : []
  })
  const open = (entry: WorkEntry, url = entry.url) => void Taro.navigateTo({ url })
  return (
    <View className="card staff-role-card">
      <Text className="staff-role-card__title">
        {role.label} · {role.org.name}
      </Text>
      {waitingEntries.length > 0 && (
        <View className="staff-role-card__today">
          <Text className="staff-role-card__today-title">今天要做的</Text>
          {waitingEntries.map(({ entry, work }) => (
            <View key={entry.key} className="staff-role-card__waiting">
              <BigButton onClick={() => open(entry)}>{`${entry.label} · ${work.count} 条`}</BigButton>
              <Text className="staff-role-card__age">{waitingAgeText(work.oldestAt, now)}</Text>
              {work.overdue > 0 && (
                <Text className="staff-role-card__overdue" onClick={() => open(entry, overdueUrl(entry))}>
                  {`其中 ${work.overdue} 条逾期 ›`}
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
      {entries
        .filter((entry) => !waiting.some((w) => w.key === entry.key))
        .map((entry) => (
          <BigButton key={entry.key} kind="plain" onClick={() => open(entry)}>
            {entry.label}
          </BigButton>
        ))}
      {entries.length === 0 && <Text className="staff-role-card__none">这个岗位的功能正在准备中</Text>}
    </View>
  )
}
