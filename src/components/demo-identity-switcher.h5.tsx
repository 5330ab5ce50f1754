import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { storeDemoOpenId } from '../api/demo-identity'
import { useDemoIdentities } from '../hooks/use-demo-identities.h5'
import { BigButton } from './big-button'
import './demo-identity-switcher.css'

type Props = {
  /** Show the list of identities right away instead of behind a "切换演示身份" button. */
  alwaysOpen?: boolean
}

/**
 * The H5 demo-mode switcher: pick which demo user you are. Renders nothing outside demo mode
 * (the gateway does not list identities) and never in the mini-program.
 */
export function DemoIdentitySwitcher({ alwaysOpen = false }: Props) {
  const { identities, currentOpenId } = useDemoIdentities()
  const [open, setOpen] = useState(false)
  if (identities.length === 0) return null

  const current = identities.find((identity) => identity.openid === currentOpenId)
  // Nobody chosen yet: nothing else on the page works, so show the list at once.
  const showList = alwaysOpen || open || !current
  const choose = (openid: string) => {
    storeDemoOpenId(openid)
    setOpen(false)
    void Taro.switchTab({ url: '/pages/home/index' })
  }

  return (
    <View className="card demo-switcher">
      <Text className="demo-switcher__current">演示身份：{current ? current.label : '还没有选择'}</Text>
      {showList ? (
        <View>
          <Text className="demo-switcher__title">切换演示身份</Text>
          {identities.map((identity) => (
            <BigButton
              key={identity.openid}
              kind={identity.openid === currentOpenId ? 'current' : 'plain'}
              onClick={() => choose(identity.openid)}
            >
              {identity.label}
            </BigButton>
          ))}
          {!alwaysOpen && current && (
            <BigButton kind="plain" onClick={() => setOpen(false)}>
              收起
            </BigButton>
          )}
        </View>
      ) : (
        <BigButton kind="plain" onClick={() => setOpen(true)}>
          切换演示身份
        </BigButton>
      )}
    </View>
  )
}
