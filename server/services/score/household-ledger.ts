import { and, desc, eq, lt } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { AppealStatus, LedgerPage } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { LEDGER_KIND_LABELS, type LedgerKind } from '../../../src/core/ledger'
import type { OrgKind } from '../../../src/core/org'
import { periodsOf } from '../../../src/core/period'
import { photosSeenBy } from '../../../src/core/photo-check'
import { mayActOn } from '../../../src/core/policy'
import { shownStatus, type NoticeStatus } from '../../../src/core/rectification'
import type { RuleCategory } from '../../../src/core/rules'
import type { Db } from '../../store/database'
import { householdPlaces } from '../../store/household-views'
import { appeals, householdPeriodPoints, households, ledgerEntries, notices, orgs, rules, scoreRecords, users } from '../../store/schema'
import { isOwnMember, loadCaller } from '../shared/caller'
import { photoChecksOf } from '../shared/photo-checks'

/**
 * A household's ledger, newest first, a page at a time: every line with its rule, scorer, date and
 * photos. A villager reads their own; staff read households in their scope (to correct entries).
 */
export async function householdLedger(
  db: Db,
  openid: string,
  input: { householdId?: string; beforeId?: number; limit?: number },
): Promise<LedgerPage> {
  const caller = await loadCaller(db, openid)
  const householdId = input.householdId ?? caller.householdId
  if (!householdId) throw new AppError('FORBIDDEN', '您还没有绑定农户，看不到积分明细')
  const place = (await householdPlaces(db, [householdId])).get(householdId)
  if (!place) throw new AppError('NOT_FOUND', '没有找到这户')
  const staff = mayActOn(caller.grants, 'viewHouseholds', place.paths)
  if (!isOwnMember(caller, householdId) && !staff) throw new AppError('FORBIDDEN', '您只能查看自己负责范围内的农户')
  const limit = input.limit ?? 20
  const reversal = alias(ledgerEntries, 'reversal')
  const rows = await db
    .select({
      entry: ledgerEntries,
      rule: { id: rules.id, title: rules.title, category: rules.category, version: rules.version },
      scorerName: users.displayName,
      org: { id: orgs.id, name: orgs.name, kind: orgs.kind },
      photos: scoreRecords.photos,
      reversedBy: reversal.id,
      appeal: { id: appeals.id, status: appeals.status },
      notice: { id: notices.id, status: notices.status, deadline: notices.deadline },
    })
    .from(ledgerEntries)
    .leftJoin(rules, eq(rules.id, ledgerEntries.ruleId))
    .leftJoin(users, eq(users.openid, ledgerEntries.actorOpenid))
    .leftJoin(orgs, eq(orgs.id, ledgerEntries.scorerOrgId))
    .leftJoin(scoreRecords, eq(scoreRecords.ledgerEntryId, ledgerEntries.id))
    .leftJoin(reversal, eq(reversal.reversesEntryId, ledgerEntries.id))
    .leftJoin(appeals, eq(appeals.entryId, ledgerEntries.id))
    .leftJoin(notices, eq(notices.deductionEntryId, ledgerEntries.id))
    .where(
      and(
        eq(ledgerEntries.householdId, householdId),
        input.beforeId ? lt(ledgerEntries.id, input.beforeId) : undefined,
      ),
    )
    .orderBy(desc(ledgerEntries.id))
    .limit(limit + 1)
  const [household] = await db
    .select({ name: households.headName, balance: households.balance })
    .from(households)
    .where(eq(households.id, householdId))
  const [month] = await db
    .select({ points: householdPeriodPoints.points })
    .from(householdPeriodPoints)
    .where(and(eq(householdPeriodPoints.householdId, householdId), eq(householdPeriodPoints.period, periodsOf(new Date()).month)))
  const page = rows.slice(0, limit)
  const now = new Date()
  const checks = await photoChecksOf(db, page.flatMap((row) => row.photos ?? []))
  const looker = { openid, concerned: isOwnMember(caller, householdId), actingStaff: staff, streetAdmin: mayActOn(caller.grants, 'viewStreet', place.paths) }
  return {
    householdId,
    householdName: household.name,
    balance: household.balance,
    thisMonth: month?.points ?? 0,
    nextBeforeId: rows.length > limit ? page[page.length - 1].entry.id : null,
    lines: page.map(({ entry, rule, scorerName, org, photos, reversedBy, appeal, notice }) => ({
      id: entry.id,
      kind: entry.kind as LedgerKind,
      kindLabel: LEDGER_KIND_LABELS[entry.kind as LedgerKind],
      points: entry.points,
      balanceAfter: entry.balanceAfter,
      createdAt: entry.createdAt.toISOString(),
      note: entry.note,
      rule: rule ? { ...rule, category: rule.category as RuleCategory } : null,
      scorer: scorerName ? { name: scorerName, org: org ? { ...org, kind: org.kind as OrgKind } : null } : null,
      ...photosSeenBy(photos ?? [], checks, looker),
      reversedBy,
      reverses: entry.reversesEntryId,
      appeal: appeal ? { id: appeal.id, status: appeal.status as AppealStatus } : null,
      notice: notice ? { id: notice.id, status: shownStatus({ status: notice.status as NoticeStatus, deadline: notice.deadline }, now) } : null,
    })),
  }
}
