import { useEffect } from 'react'
import { onDemoIdentityChange } from '../../api/demo-identity'
import type { Envelope } from '../../core/contracts/envelope'
import { useEnvelope } from '../../hooks/use-envelope'
import { useReloadOnReturn } from '../../hooks/use-reload-on-return'

/**
 * A 连心议站 list page's data: loaded when `deps` change, again when the page is shown again (a step
 * taken on a matter meanwhile) and when another demo identity is chosen.
 */
export function useMatterPage<T>(load: () => Promise<Envelope<T>>, deps: readonly unknown[]) {
  const loaded = useEnvelope(load, deps)
  useReloadOnReturn(loaded.reload)
  useEffect(() => onDemoIdentityChange(loaded.reload), [loaded.reload])
  return loaded
}
