import { useEffect } from 'react'
import { whoami } from '../api/account'
import { onDemoIdentityChange } from '../api/demo-identity'
import { useEnvelope } from './use-envelope'
import { publishElderMode } from './use-elder-mode'

/** Who the caller is; loads again when another demo identity is chosen (H5 demo mode). */
export function useWhoAmI() {
  const result = useEnvelope(whoami, [])
  const { reload, state } = result
  useEffect(() => onDemoIdentityChange(reload), [reload])
  // Every whoami is also the app-wide 长辈模式 setting.
  useEffect(() => {
    if (state.status === 'ok') publishElderMode(state.data.registered ? state.data.elderMode : false)
  }, [state])
  return result
}
