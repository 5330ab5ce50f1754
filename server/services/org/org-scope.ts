import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { OrgRef } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import type { OrgKind } from '../../../src/core/org'
import type { StaffRole } from '../../../src/core/roles'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import type { Caller } from '../shared/caller'

export type OrgRow = typeof orgs.$inferSelect

const ID_PREFIX: Record<OrgKind, string> = {
  street: 'st',
  village: 'v',
  community: 'c',
  villager_group: 'g',
  grid: 'gr',
  micro_grid: 'mg',
  shop: 'shop',
  bank: 'bk',
  bank_branch: 'bkb',
  alliance: 'al',
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

/** The roles that keep units and staff (the admin's street, the cadre's village). */
export const KEEPER_ROLES: readonly StaffRole[] = ['admin', 'cadre']

/**
 * The organisation a page acts on: the one named, or, when none is named, the caller's own where
 * they hold one of `roles`. No such role: `refusal`, said plainly.
 */
export async function orgOrOwn(
  db: Db,
  caller: Caller,
  orgId: string | undefined,
  own: { roles: readonly StaffRole[]; refusal: string },
): Promise<OrgRow> {
  if (orgId) return findOrg(db, orgId)
  const grant = caller.grants.find((g) => own.roles.includes(g.role))
  if (!grant) throw new AppError('FORBIDDEN', own.refusal)
  return findOrg(db, grant.org.id)
}

export function orgRef(org: Pick<OrgRow, 'id' | 'name' | 'kind'>): OrgRef {
  return { id: org.id, name: org.name, kind: org.kind as OrgKind }
}
