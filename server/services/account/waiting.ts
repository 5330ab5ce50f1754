import { and, eq, inArray } from 'drizzle-orm'
import type { Waiting, WaitingWork } from '../../../src/core/contracts/account'
import { MATTER_STAFF_ROLES } from '../../../src/core/matter-policy'
import { grantsFor } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { notices } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { matterWorkList } from '../matter/boards'
import { awaitingCheck } from '../notice/notices'
import { selectNoticeViews } from '../notice/views'
import { pendingWork } from '../score/lists'

/**
 * What waits for the caller, for 首页: the household's notices not yet rectified (to fix, or fixed and
 * waiting to be checked), and for each staff role the work waiting where it was granted. Counted
 * with the same queries the work pages list, so a number on 首页 is what the page then shows.
 */
export async function whatWaits(db: Db, openid: string, now = new Date()): Promise<Waiting> {
  const caller = await loadCaller(db, openid)
  const household = caller.householdId
    ? await selectNoticeViews(db, and(eq(notices.householdId, caller.householdId), inArray(notices.status, ['open', 'proof_submitted'])), caller, now)
    : []
  const work: WaitingWork[] = []
  const add = (orgId: string, key: WaitingWork['key'], waitingSince: readonly string[], overdue: number) => {
    if (waitingSince.length > 0) work.push({ orgId, key, count: waitingSince.length, overdue, oldestAt: [...waitingSince].sort()[0] })
  }
  for (const grant of grantsFor(caller.grants, 'decideScores')) {
    const pending = await pendingWork(db, openid, { orgId: grant.org.id })
    add(grant.org.id, 'review', [...pending.records, ...pending.appeals].map((r) => r.createdAt), 0)
  }
  for (const grant of grantsFor(caller.grants, 'score')) {
    const { toVerify, overdue } = await awaitingCheck(db, openid, { orgId: grant.org.id }, now)
    add(grant.org.id, 'notice-verify', [...toVerify, ...overdue].map((n) => n.openedAt), overdue.length)
  }
  for (const grant of caller.grants.filter((g) => MATTER_STAFF_ROLES.includes(g.role))) {
    const { matters } = await matterWorkList(db, openid, { orgId: grant.org.id }, now)
    add(grant.org.id, 'matter-work', matters.map((m) => m.raisedAt), matters.filter((m) => m.status === 'overdue').length)
  }
  return {
    notices: household
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
      .map((n) => ({ id: n.id, problem: n.problem, ruleTitle: n.rule?.title ?? null, points: n.points, status: n.status, deadline: n.deadline })),
    work,
  }
}
