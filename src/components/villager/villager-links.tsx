import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './villager.css'

/** Where a villager goes from the home page; tab pages open with switchTab, the others on top. */
export const VILLAGER_LINKS = [
  { label: '积分明细', url: '/pages/ledger/index', tab: true },
  { label: '积分细则', url: '/pages/rules/index', tab: false },
  { label: '村排行', url: '/pages/ranking/index', tab: true },
  { label: '我要申报', url: '/pages/claim/index', tab: false },
  { label: '整改通报', url: '/pages/notices/index', tab: false },
  { label: '我要议事', url: '/matters/raise/index', tab: false },
  { label: '我的议事', url: '/matters/mine/index', tab: false },
  { label: '议事公开栏', url: '/matters/board/index', tab: false },
  { label: '我家的分红', url: '/pages/dividend/index', tab: false },
] as const

export function VillagerLinks() {
  return (
    <View className="link-row">
      {VILLAGER_LINKS.map((link) => (
        <View
          key={link.url}
          className="link-row__item"
          hoverClass="big-button--pressed"
          onClick={() => void (link.tab ? Taro.switchTab({ url: link.url }) : Taro.navigateTo({ url: link.url }))}
        >
          {link.label}
        </View>
      ))}
    </View>
  )
}
