import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { BoardView } from '../../../src/core/contracts/merchant'
import { AppError } from '../../../src/core/errors'
import type { MerchantCategory } from '../../../src/core/member-kind'
import { boardStanding, type BalancePoint, type BoardFacts, type BoardNotice, type BoardStanding } from '../../../src/core/merchant/red-black-board'
import { localDay, shiftDay } from '../../../src/core/period'
import type { Db } from '../../store/database'
import { householdsUnder } from '../../store/household-views'
import { households, ledgerEntries, notices, orgs, rules } from '../../store/schema'
import { orgRef } from '../org/org-scope'
import { latestRatings } from './star-ratings'
import { starTermsInForce } from './star-terms'

/** How long a merchant that left the black list is shown as having left it. */
const LEFT_SHOWN_DAYS = 30

/**
 * 红黑榜, public: the merchants of every alliance under a street (or of one alliance), optionally of
 * one trade, on the red list or the black list with why and since when, and those that left the
 * black list lately with the day. Trade names only: no person's name is read.
 */
export async function redBlackBoard(db: Db, input: { orgId: string; trade?: MerchantCategory }, now = new Date()): Promise<BoardView> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org || (org.kind !== 'street' && org.kind !== 'alliance')) throw new AppError('NOT_FOUND', '没有找到这个街道或商家联盟')
  const merchants = await db
    .select({ id: households.id, tradeName: households.tradeName, trade: households.category, allianceId: households.villageId, alliance: orgs.name })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(and(householdsUnder(org.path, 'merchant'), input.trade ? eq(households.category, input.trade) : undefined))
    .orderBy(asc(households.tradeName), asc(households.id))
  const standings = await merchantStandings(db, merchants, now)
  const board: BoardView = { org: orgRef(org), trade: input.trade ?? null, red: [], black: [], leftBlack: [] }
  const shownFrom = shiftDay(localDay(now), -LEFT_SHOWN_DAYS)
  for (const merchant of merchants) {
    const { standing, stars } = standings.get(merchant.id)!
    const named = { merchantId: merchant.id, tradeName: merchant.tradeName!, trade: merchant.trade as MerchantCategory }
    if (standing.list === null) {
      if (standing.leftBlackOn && standing.leftBlackOn >= shownFrom) board.leftBlack.push({ ...named, leftOn: standing.leftBlackOn })
      continue
    }
    board[standing.list].push({ ...named, alliance: merchant.alliance, stars, reasons: standing.reasons, since: standing.since })
  }
  board.red.sort((a, b) => (b.stars ?? 0) - (a.stars ?? 0))
  return board
}

/**
 * Where each merchant stands on the board now (boardStanding, under its alliance's terms in force) and its
 * latest stars. An alliance that has published no star terms has no black line and no red list yet.
 */
export async function merchantStandings(
  db: Db,
  merchants: readonly { id: string; allianceId: string }[],
  now: Date,
): Promise<Map<string, { standing: BoardStanding; stars: number | null }>> {
  const facts = await boardFacts(db, merchants.map((m) => m.id))
  const terms = await starTermsInForce(db, [...new Set(merchants.map((m) => m.allianceId))], localDay(now))
  return new Map(
    merchants.map((merchant) => {
      const line = terms.get(merchant.allianceId)
      const own = facts.get(merchant.id)!
      const standing = boardStanding(own, { blackLine: line?.blackLine ?? -Infinity, redMinStars: line?.redMinStars ?? Infinity }, now)
      return [merchant.id, { standing, stars: own.rating?.stars ?? null }]
    }),
  )
}

/** What the board decides from, per merchant: its notices (withdrawn ones are no cause), its balance after each entry, its latest rating. */
async function boardFacts(db: Db, ids: readonly string[]): Promise<Map<string, BoardFacts>> {
  const facts = new Map<string, { notices: BoardNotice[]; balances: BalancePoint[]; rating: BoardFacts['rating'] }>(
    ids.map((id) => [id, { notices: [], balances: [], rating: null }]),
  )
  if (ids.length === 0) return facts
  const noticeRows = await db
    .select({ id: notices.householdId, ruleTitle: sql<string>`coalesce(${rules.title}, '整改通报')`, openedAt: notices.createdAt, deadline: notices.deadline, closedAt: notices.rectifiedAt })
    .from(notices)
    .leftJoin(rules, eq(rules.id, notices.ruleId))
    .where(and(inArray(notices.householdId, [...ids]), ne(notices.status, 'withdrawn')))
  for (const { id, ...notice } of noticeRows) facts.get(id)!.notices.push(notice)
  const balanceRows = await db
    .select({ id: ledgerEntries.householdId, at: ledgerEntries.createdAt, balance: ledgerEntries.balanceAfter })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.householdId, [...ids]))
    .orderBy(asc(ledgerEntries.id))
  for (const { id, ...point } of balanceRows) facts.get(id)!.balances.push(point)
  for (const [id, rating] of await latestRatings(db, ids)) facts.get(id)!.rating = rating
  return facts
}
