import { and, eq, gte, inArray, lt } from 'drizzle-orm'
import type { NoticeStats } from '../../../src/core/contracts/notice'
import { AppError } from '../../../src/core/errors'
import { periodRange } from '../../../src/core/period'
import { mayActOn } from '../../../src/core/policy'
import { rectificationNumbers } from '../../../src/core/rectification'
import type { Db } from '../../store/database'
import { householdIdsUnder } from '../../store/household-views'
import { notices, orgs } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { memberKindAt } from '../../../src/core/member-kind'
import type { OrgKind } from '../../../src/core/org'

/** What cadres need per village, group, grid or micro-grid and period: opened, rectified, overdue, rate, median time. */
export async function noticeStats(db: Db, openid: string, input: { orgId: string; period: string }): Promise<NoticeStats> {
  const caller = await loadCaller(db, openid)
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村或小组')
  if (!mayActOn(caller.grants, 'viewHouseholds', [org.path])) throw new AppError('FORBIDDEN', '您只能查看自己负责范围的统计')
  const { from, to } = periodRange(input.period)
  const rows = await db
    .select({ status: notices.status, deadline: notices.deadline, openedAt: notices.createdAt, rectifiedAt: notices.rectifiedAt })
    .from(notices)
    .where(and(inArray(notices.householdId, householdIdsUnder(db, org.path, memberKindAt(org.kind as OrgKind))), gte(notices.createdAt, from), lt(notices.createdAt, to)))
  const numbers = rectificationNumbers(rows, new Date())
  return {
    org: { id: org.id, name: org.name },
    period: input.period,
    opened: numbers.opened,
    rectified: numbers.rectified,
    overdue: numbers.overdue,
    rectificationRate: numbers.rate,
    medianHoursToRectify: numbers.medianHoursToRectify,
  }
}
