import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { WaitingNotice } from '../../core/contracts/account'
import { noticeDueText } from '../../core/villager-labels'
import { BigButton } from '../big-button'
import './household-todo.css'

function stateText(notice: WaitingNotice, now: Date): string {
  if (notice.status === 'proof_submitted') return '整改照片已交，等村里核验'
  if (notice.status === 'overdue') return `${noticeDueText(notice.deadline, now)}，请找村里延期后再整改`
  return noticeDueText(notice.deadline, now)
}

/**
 * The household's own 整改 at the top of 首页: what is wrong, how long is left, and one tap to the
 * notice where the proof is taken (the points come back once it is checked).
 */
export function HouseholdTodo({ notices }: { notices: WaitingNotice[] }) {
  if (notices.length === 0) return null
  const now = new Date()
  const toFix = notices.filter((n) => n.status !== 'proof_submitted').length
  return (
    <View className="card household-todo">
      <Text className="household-todo__title">{toFix > 0 ? `您家有 ${toFix} 条整改要做` : '您家的整改在等村里核验'}</Text>
      {notices.map((notice) => (
        <View key={notice.id} className="household-todo__item">
          <Text className="household-todo__problem">{notice.problem || notice.ruleTitle || '整改通报'}</Text>
          <Text className={`household-todo__due household-todo__due--${notice.status}`}>{stateText(notice, now)}</Text>
          {notice.status === 'open' && <Text className="household-todo__hint">整改好了拍照上传，核验后扣的 {notice.points} 分加回来</Text>}
          <BigButton
            kind={notice.status === 'open' ? 'primary' : 'plain'}
            onClick={() => void Taro.navigateTo({ url: `/pages/notices/detail?id=${notice.id}` })}
          >
            {notice.status === 'open' ? '去整改' : '查看'}
          </BigButton>
        </View>
      ))}
    </View>
  )
}
