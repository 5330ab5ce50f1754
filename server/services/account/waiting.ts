import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { Waiting, WaitingWork, WaitingWorkKey } from '../../../src/core/contracts/account'
import { MATTER_STAFF_ROLES } from '../../../src/core/matter-policy'
import type { OrgKind } from '../../../src/core/org'
import { grantsFor, type Grant } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { appeals, creditCertificates, matters, notices, scoreRecords } from '../../store/schema'
import { certificatesExpiringSoon } from '../credit/certificates'
import { householdAnswers } from '../matter/answers'
import { countMatters, matterOverdue, matterWorkFor } from '../matter/views'
import { noticeOverdue, noticesToCheckUnder } from '../notice/notices'
import { selectNoticeViews } from '../notice/views'
import { pendingAppealsUnder, pendingScoresUnder } from '../score/lists'
import { loadCaller, type Caller } from '../shared/caller'

/**
 * What waits for the caller, for 首页: for a household member, the household's notices not yet
 * rectified (to fix, or fixed and waiting to be checked), the answers to its matters that are news and
 * a 积分证明 about to expire; for staff, each kind of work waiting on each organisation of their roles.
 */
export async function whatWaits(db: Db, openid: string, now = new Date()): Promise<Waiting> {
  const caller = await loadCaller(db, openid)
  const work = await waitingWork(db, caller, now)
  if (!caller.householdId) return { notices: [], answers: [], certificates: [], work }
  const household = caller.householdId
  const open = await selectNoticeViews(db, and(eq(notices.householdId, household), inArray(notices.status, ['open', 'proof_submitted'])), caller, now)
  const certificates = await db
    .select({ bankName: creditCertificates.bankName, expiresAt: creditCertificates.expiresAt })
    .from(creditCertificates)
    .where(and(eq(creditCertificates.householdId, household), certificatesExpiringSoon(now)))
  return {
    notices: open
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
      .map((n) => ({ id: n.id, problem: n.problem, ruleTitle: n.rule?.title ?? null, points: n.points, status: n.status, deadline: n.deadline })),
    answers: await householdAnswers(db, household, now),
    certificates: certificates.map((c) => ({ bankName: c.bankName, expiresAt: c.expiresAt.toISOString() })),
    work,
  }
}

/**
 * The staff work waiting for a caller: per kind, one statement that counts, for every organisation
 * where the caller's roles do that work, its rows, the overdue among them and the oldest's start.
 * Each kind's rows are the ones its page lists, by the very condition the page's query uses
 * (pendingScoresUnder/pendingAppealsUnder for 待我审核, noticesToCheckUnder for 整改核验, matterWorkFor
 * for 议事待办), so 首页's numbers and the clock's digest (services/shared/reminders.ts) are what the
 * pages then show. Nothing waits: an empty list, and no kind is listed with a count of 0.
 */
export async function waitingWork(db: Db, caller: Caller, now: Date): Promise<WaitingWork[]> {
  return [
    ...(await reviewWork(db, caller, scopesOf(grantsFor(caller.grants, 'decideScores')))),
    ...(await noticeCheckWork(db, caller, scopesOf(grantsFor(caller.grants, 'score')), now)),
    ...(await matterWork(db, caller, scopesOf(caller.grants.filter((g) => MATTER_STAFF_ROLES.includes(g.role))), now)),
  ]
}

type Scope = { id: string; path: string; kind: OrgKind }

/** The organisations of these grants, each once (two roles on one organisation count its work once). */
function scopesOf(grants: readonly Grant[]): Scope[] {
  const seen = new Map<string, Scope>()
  for (const { org } of grants) if (!seen.has(org.id)) seen.set(org.id, { id: org.id, path: org.path, kind: org.kind })
  return [...seen.values()]
}

/** The columns of one row of tallies: for organisation i, count{i}, overdue{i} and oldest{i} of the rows `covers(i)` holds. */
function tallies(scopes: readonly Scope[], covers: (i: number) => SQL, overdue: SQL, since: AnyColumn | SQL.Aliased, asTime: AnyColumn): Record<string, SQL> {
  const columns: Record<string, SQL> = {}
  scopes.forEach((_, i) => {
    const held = covers(i)
    columns[`count${i}`] = sql<number>`count(*) filter (where ${held})`.mapWith(Number)
    columns[`overdue${i}`] = sql<number>`count(*) filter (where ${held} and ${overdue})`.mapWith(Number)
    columns[`oldest${i}`] = sql<Date | null>`min(${since}) filter (where ${held})`.mapWith(asTime)
  })
  return columns
}

/** The tallies row read back as work per organisation, the organisations with nothing waiting left out. */
function workOf(key: WaitingWorkKey, scopes: readonly Scope[], row: Record<string, unknown> | undefined): WaitingWork[] {
  if (!row) return []
  return scopes.flatMap((scope, i) => {
    const count = Number(row[`count${i}`])
    const oldest = row[`oldest${i}`] as Date | null
    return count > 0 && oldest ? [{ orgId: scope.id, key, count, overdue: Number(row[`overdue${i}`]), oldestAt: oldest.toISOString() }] : []
  })
}

/** 待我审核: scores and claims waiting for approval and appeals waiting for a decision (never overdue), one statement over both. */
async function reviewWork(db: Db, caller: Caller, scopes: readonly Scope[]): Promise<WaitingWork[]> {
  if (scopes.length === 0) return []
  const inScope = (under: (path: string, caller: Caller) => SQL) =>
    Object.fromEntries(scopes.map((scope, i) => [`in${i}`, sql<boolean>`${under(scope.path, caller)}`.as(`in${i}`)])) as Record<string, SQL.Aliased<boolean>>
  const items = db
    .select({ at: sql<Date>`${scoreRecords.createdAt}`.as('at'), ...inScope(pendingScoresUnder) })
    .from(scoreRecords)
    .where(or(...scopes.map((scope) => pendingScoresUnder(scope.path, caller))))
    .unionAll(
      db
        .select({ at: sql<Date>`${appeals.createdAt}`.as('at'), ...inScope(pendingAppealsUnder) })
        .from(appeals)
        .where(or(...scopes.map((scope) => pendingAppealsUnder(scope.path, caller)))),
    )
    .as('review_items')
  const flag = items as unknown as Record<string, SQL.Aliased<boolean>>
  const [row] = await db.select(tallies(scopes, (i) => sql`${flag[`in${i}`]}`, sql`false`, items.at, scoreRecords.createdAt)).from(items)
  return workOf('review', scopes, row)
}

/** 整改核验: proof to check and overdue notices (the overdue counted as such). */
async function noticeCheckWork(db: Db, caller: Caller, scopes: readonly Scope[], now: Date): Promise<WaitingWork[]> {
  if (scopes.length === 0) return []
  const [row] = await db
    .select(tallies(scopes, (i) => noticesToCheckUnder(db, caller, scopes[i], now), noticeOverdue(now), notices.createdAt, notices.createdAt))
    .from(notices)
    .where(or(...scopes.map((scope) => noticesToCheckUnder(db, caller, scope, now))))
  return workOf('notice-verify', scopes, row)
}

/** 议事待办: matters with a staff step that is the caller's (the overdue: handled past their due date). */
async function matterWork(db: Db, caller: Caller, scopes: readonly Scope[], now: Date): Promise<WaitingWork[]> {
  if (scopes.length === 0) return []
  const covers = (i: number) => matterWorkFor(caller, scopes[i].path)
  const row = await countMatters(db, tallies(scopes, covers, matterOverdue(now), matters.createdAt, matters.createdAt), or(...scopes.map((_, i) => covers(i))))
  return workOf('matter-work', scopes, row)
}
