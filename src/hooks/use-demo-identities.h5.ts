import { useEffect, useState } from 'react'
import { fetchDemoIdentities, onDemoIdentityChange, readDemoOpenId, type DemoIdentity } from '../api/demo-identity'

export type DemoIdentities = {
  /** The identities the gateway offers; empty when not in demo mode and in the mini-program. */
  identities: DemoIdentity[]
  /** The demo openid chosen in this browser, if any. */
  currentOpenId: string | null
  /** Demo mode, and nobody chosen yet: nothing can load until someone is picked. */
  awaitingChoice: boolean
}

/** The demo identities offered by the gateway and the one chosen now. */
export function useDemoIdentities(): DemoIdentities {
  const [identities, setIdentities] = useState<DemoIdentity[]>([])
  const [currentOpenId, setCurrentOpenId] = useState(readDemoOpenId)

  useEffect(() => {
    let active = true
    void fetchDemoIdentities().then((envelope) => {
      if (active && envelope.ok) setIdentities(envelope.data)
    })
    const unsubscribe = onDemoIdentityChange(() => setCurrentOpenId(readDemoOpenId()))
    return () => {
      active = false
      unsubscribe()
    }
  }, [])

  return { identities, currentOpenId, awaitingChoice: identities.length > 0 && currentOpenId === null }
}
