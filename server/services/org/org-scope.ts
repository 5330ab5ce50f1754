import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { OrgRef } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import type { OrgKind } from '../../../src/core/org'
import type { StaffRole } from '../../../src/core/roles'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import type { Caller } from '../caller'

export type OrgRow = typeof orgs.$inferSelect

const ID_PREFIX: Record<OrgKind, string> = {
  street: 'st',
  village: 'v',
  community: 'c',
  villager_group: 'g',
  grid: 'gr',
  micro_grid: 'mg',
  shop: 'shop',
}

/** A fresh id for a new unit, such as "mg-3f9a1c07d2": its kind readable, never a "/". */
export function newOrgId(kind: OrgKind): string {
  return `${ID_PREFIX[kind]}-${randomBytes(5).toString('hex')}`
}

export async function findOrg(db: Db, id: string, { lock = false } = {}): Promise<OrgRow> {
  const select = db.select().from(orgs).where(eq(orgs.id, id))
  const [org] = await (lock ? select.for('update') : select)
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个单位')
  return org
}

/**
 * The organisation a page acts on: the one named, or, when none is named, the caller's own where
 * they hold one of `roles` (the admin's street, the cadre's village). No such role: said plainly.
 */
export async function orgOrOwn(db: Db, caller: Caller, orgId: string | undefined, roles: readonly StaffRole[]): Promise<OrgRow> {
  if (orgId) return findOrg(db, orgId)
  const own = caller.grants.find((g) => roles.includes(g.role))
  if (!own) throw new AppError('FORBIDDEN', '只有街道管理员和村干部能管理单位和工作人员')
  return findOrg(db, own.org.id)
}

export function orgRef(org: Pick<OrgRow, 'id' | 'name' | 'kind'>): OrgRef {
  return { id: org.id, name: org.name, kind: org.kind as OrgKind }
}
