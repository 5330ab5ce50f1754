import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RoleView } from '../core/contracts/account'
import { BigButton } from './big-button'
import { workEntriesFor } from './work-entries'
import './staff-role-card.css'

/** One staff role on one organisation ("村干部 · 赵家桥村") with the work it can open. */
export function StaffRoleCard({ role }: { role: RoleView }) {
  const entries = workEntriesFor(role)
  return (
    <View className="card staff-role-card">
      <Text className="staff-role-card__title">
        {role.label} · {role.org.name}
      </Text>
      {entries.map((entry) => (
        <BigButton key={entry.key} onClick={() => void Taro.navigateTo({ url: entry.url })}>
          {entry.label}
        </BigButton>
      ))}
      {entries.length === 0 && <Text className="staff-role-card__none">这个岗位的功能正在准备中</Text>}
    </View>
  )
}
