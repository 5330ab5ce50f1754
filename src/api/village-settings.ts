import type { VillageSettingsView } from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import type { VillageSettings } from '../core/village-settings'
import { callFunction } from './call-function'

/** 村里的设置 of a village (its cadre or the street's admin). */
export function villageSettings(orgId: string): Promise<Envelope<VillageSettingsView>> {
  return callFunction('account', 'villageSettings', { orgId })
}

export function saveVillageSettings(requestId: string, orgId: string, settings: VillageSettings): Promise<Envelope<VillageSettingsView>> {
  return callFunction('account', 'saveVillageSettings', { requestId, orgId, ...settings })
}
