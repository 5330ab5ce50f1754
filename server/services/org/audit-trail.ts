import { desc, eq, sql } from 'drizzle-orm'
import { AUDIT_ACTION_LABELS, type AuditAction } from '../../../src/core/audit-actions'
import { AUDIT_PAGE_SIZE, type AuditPage, type AuditRecordView } from '../../../src/core/contracts/org'
import { AppError } from '../../../src/core/errors'
import { mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { auditRecords, orgs, users, villageSettingChanges } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { orgOrOwn, orgRef } from './org-scope'

/** Who did it when no WeChat user did: the person who deploys, through `npm run setup`. */
const SETUP_ACTOR = '部署人员（npm run setup）'

/** Appends one record to the audit trail, in the transaction of the change it describes. */
export async function recordAudit(
  db: Db,
  record: { actorOpenid: string | null; action: AuditAction; orgId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await db.insert(auditRecords).values({ ...record, before: record.before ?? null, after: record.after ?? null })
}

/**
 * 操作记录: the newest records about an organisation and everything under it, for the street's
 * admin. Village-setting changes, kept in their own append-only table, are shown among them.
 */
export async function auditTrail(db: Db, openid: string, input: { orgId?: string }): Promise<AuditPage> {
  const caller = await loadCaller(db, openid)
  const root = await orgOrOwn(db, caller, input.orgId, { roles: ['admin'], refusal: '只有街道管理员能看操作记录' })
  if (!mayActOn(caller.grants, 'viewAudit', [root.path])) throw new AppError('FORBIDDEN', '只有街道管理员能看操作记录')
  const under = sql`starts_with(${orgs.path}, ${root.path})`
  const records = await db
    .select({ record: auditRecords, byName: users.displayName, org: { id: orgs.id, name: orgs.name, kind: orgs.kind } })
    .from(auditRecords)
    .innerJoin(orgs, eq(orgs.id, auditRecords.orgId))
    .leftJoin(users, eq(users.openid, auditRecords.actorOpenid))
    .where(under)
    .orderBy(desc(auditRecords.id))
    .limit(AUDIT_PAGE_SIZE)
  const settings = await db
    .select({ change: villageSettingChanges, byName: users.displayName, org: { id: orgs.id, name: orgs.name, kind: orgs.kind } })
    .from(villageSettingChanges)
    .innerJoin(orgs, eq(orgs.id, villageSettingChanges.villageId))
    .innerJoin(users, eq(users.openid, villageSettingChanges.actorOpenid))
    .where(under)
    .orderBy(desc(villageSettingChanges.id))
    .limit(AUDIT_PAGE_SIZE)
  const views: (AuditRecordView & { sortAt: number })[] = [
    ...records.map(({ record, byName, org }) => ({
      id: `a-${record.id}`,
      at: record.createdAt.toISOString(),
      sortAt: record.createdAt.getTime(),
      byName: record.actorOpenid === null ? SETUP_ACTOR : (byName ?? record.actorOpenid),
      action: record.action,
      actionLabel: AUDIT_ACTION_LABELS[record.action as AuditAction] ?? record.action,
      org: orgRef(org),
      before: record.before,
      after: record.after,
    })),
    ...settings.map(({ change, byName, org }) => ({
      id: `s-${change.id}`,
      at: change.createdAt.toISOString(),
      sortAt: change.createdAt.getTime(),
      byName,
      action: 'village.settings',
      actionLabel: AUDIT_ACTION_LABELS['village.settings'],
      org: orgRef(org),
      before: change.before,
      after: change.after,
    })),
  ]
  views.sort((a, b) => b.sortAt - a.sortAt)
  return { org: orgRef(root), records: views.slice(0, AUDIT_PAGE_SIZE).map(({ sortAt: _sortAt, ...view }) => view) }
}
