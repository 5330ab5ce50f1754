import { eq, sql } from 'drizzle-orm'
import type { IssuedStaffInvite } from '../../../src/core/contracts/org'
import type { Db } from '../../store/database'
import { orgs } from '../../store/schema'
import { recordAudit } from './audit-trail'
import type { OrgRow } from './org-scope'
import { createStaffInvite } from './staff-invites'
import { insertUnit } from './units'

export type StreetSetup = { street: OrgRow; created: boolean; adminInvite: IssuedStaffInvite | null }

/** Why setup did nothing: the deployer reads it in the terminal. */
export class SetupRefused extends Error {}

/**
 * `npm run setup`: the street (or town) of an empty installation and a one-time code for its first
 * administrator. Run again with the same name it finds the street and changes nothing, unless a
 * new admin code is asked for; a second street with another name needs `anotherStreet`, so a typo
 * never splits an installation in two.
 */
export async function setUpStreet(db: Db, options: { name: string; newAdminCode?: boolean; anotherStreet?: boolean }): Promise<StreetSetup> {
  return db.transaction(async (tx) => {
    // Two setups at once on one database must not both create the street.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`)
    const streets = await tx.select().from(orgs).where(eq(orgs.kind, 'street'))
    const existing = streets.find((s) => s.name === options.name)
    if (existing) {
      const adminInvite = options.newAdminCode ? await createStaffInvite(tx, { role: 'admin', org: existing, issuedBy: null, handOver: false }) : null
      return { street: existing, created: false, adminInvite }
    }
    if (streets.length > 0 && !options.anotherStreet) {
      throw new SetupRefused(
        `这里已经有街道：${streets.map((s) => s.name).join('、')}。没有新建“${options.name}”。` +
          '如果名字写错了，请用原来的名字；确实要再建一个街道，请加 --another-street。',
      )
    }
    const street = await insertUnit(tx, { parent: null, kind: 'street', name: options.name })
    await recordAudit(tx, { actorOpenid: null, action: 'street.create', orgId: street.id, after: { name: street.name } })
    const adminInvite = await createStaffInvite(tx, { role: 'admin', org: street, issuedBy: null, handOver: false })
    return { street, created: true, adminInvite }
  })
}
