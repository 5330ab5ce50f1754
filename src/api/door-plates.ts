import type { DoorPlateView, PlateOpening, PlateSheet } from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import { callFunction } from './call-function'

/** 印门牌: the door plates of a group or micro-grid; households without one get one. */
export function printPlates(requestId: string, orgId: string): Promise<Envelope<PlateSheet>> {
  return callFunction('account', 'printPlates', { requestId, orgId })
}

/** 补门牌: a new plate for a household; the old one's code stops working. */
export function reissuePlate(requestId: string, householdId: string): Promise<Envelope<DoorPlateView>> {
  return callFunction('account', 'reissuePlate', { requestId, householdId })
}

/** A scanned plate (its QR's text or link) or its typed code, opened as the caller may see it. */
export function openPlate(plate: string): Promise<Envelope<PlateOpening>> {
  return callFunction('account', 'openPlate', { plate })
}
