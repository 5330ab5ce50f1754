import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { AppError } from '../../../src/core/errors'
import { pathCovers } from '../../../src/core/org'
import { grantsFor, type Grant } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import type { Caller } from '../shared/caller'
import { findOrg, type OrgRow } from '../org/org-scope'

/** The bank an officer's grant sits in: the bank itself, or the bank above a branch. */
function bankIdOf(grant: Grant): string {
  const ids = grant.org.path.split('/').filter(Boolean)
  return grant.org.kind === 'bank' ? grant.org.id : ids[ids.length - 2]
}

/** A bank by id; anything else (a village, a branch, nothing) is NOT_FOUND. */
export async function findBank(db: Db, bankId: string): Promise<OrgRow> {
  const org = await findOrg(db, bankId)
  if (org.kind !== 'bank') throw new AppError('NOT_FOUND', '没有找到这家银行')
  return org
}

/** The bank an officer acts for: the one named, or their own (the first bank their role sits in). */
export async function officerBank(db: Db, caller: Caller, bankId: string | undefined): Promise<OrgRow> {
  const grants = grantsFor(caller.grants, 'verifyCertificate')
  if (grants.length === 0) throw new AppError('FORBIDDEN', '只有银行信贷员可以使用这个页面')
  return findBank(db, bankId ?? bankIdOf(grants[0]))
}

/** The caller's officer grant inside `bank` (on the bank or one of its branches), or FORBIDDEN. */
export function officerGrantIn(caller: Caller, bank: { path: string }, refusal: string): Grant {
  const grant = grantsFor(caller.grants, 'verifyCertificate').find((g) => pathCovers(bank.path, g.org.path))
  if (!grant) throw new AppError('FORBIDDEN', refusal)
  return grant
}

/** The live banks of a street, by name: where a household may address a certificate. */
export async function streetBanks(db: Db, streetPath: string): Promise<OrgRow[]> {
  return db
    .select()
    .from(orgs)
    .where(and(eq(orgs.kind, 'bank'), isNull(orgs.retiredAt), sql`starts_with(${orgs.path}, ${streetPath})`))
    .orderBy(asc(orgs.name))
}
