import type { Envelope } from '../core/contracts/envelope'
import type { StreetExport, StreetOverview } from '../core/contracts/street'
import { callFunction } from './call-function'

/** 街道总览 for a month ("2026-11") or a year ("2026"): the admin's street, or a village or grid of it. */
export function streetOverview(period: string, orgId?: string): Promise<Envelope<StreetOverview>> {
  return callFunction('street', 'overview', orgId ? { orgId, period } : { period })
}

/** The same table as an .xlsx, made on the server. */
export function exportStreetOverview(period: string, orgId?: string): Promise<Envelope<StreetExport>> {
  return callFunction('street', 'exportOverview', orgId ? { orgId, period } : { period })
}
