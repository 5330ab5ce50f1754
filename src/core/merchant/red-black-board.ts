import { formatLocalTime, localDay } from '../period'
import type { StarTerms } from './star-terms'

/**
 * 红黑榜: where a merchant stands now, from its open rectifications, its balance's history and its
 * latest star rating. Pure: the service gathers the facts, this decides. Leaving the black list needs
 * nobody: once no cause is left, the merchant is off it, with the day the last cause ended.
 */

/**
 * A rectification notice of the merchant, as the board needs it. The board is public: it names the
 * rule and where the rectification stands, never the inspector's own words (which may name the owner).
 */
export type BoardNotice = {
  ruleTitle: string
  openedAt: Date
  deadline: Date
  /** When it was rectified (or withdrawn); null while it is open. */
  closedAt: Date | null
}

/** The balance after each ledger entry, oldest first. */
export type BalancePoint = { at: Date; balance: number }

export type BoardFacts = {
  notices: readonly BoardNotice[]
  balances: readonly BalancePoint[]
  /** The latest rating: its stars and when it was made; null before the first. */
  rating: { stars: number; ratedAt: Date } | null
}

export type BoardReason = { text: string; since: string }

export type BoardStanding =
  | { list: 'black'; reasons: BoardReason[]; since: string }
  | { list: 'red'; reasons: BoardReason[]; since: string }
  | { list: null; leftBlackOn: string | null }

/** The black list's causes with when each began and (if it is over) ended. */
function blackCauses(facts: BoardFacts, terms: Pick<StarTerms, 'blackLine'>, now: Date) {
  const causes: { text: string; from: Date; to: Date | null }[] = []
  for (const n of facts.notices) {
    if (n.openedAt > now) continue
    const closed = n.closedAt && n.closedAt <= now ? n.closedAt : null
    const overdue = !closed && n.deadline < now
    causes.push({
      text: `${n.ruleTitle}：${overdue ? `逾期未整改，限期 ${formatLocalTime(n.deadline)}` : closed ? '已整改' : `整改中，限 ${formatLocalTime(n.deadline)} 前`}`,
      from: n.openedAt,
      to: closed,
    })
  }
  // Runs of balances below the line: each begins with the entry that took it below and ends with the one that lifted it.
  let runFrom: Date | null = null
  for (const point of facts.balances) {
    if (point.at > now) break
    if (point.balance < terms.blackLine && runFrom === null) runFrom = point.at
    if (point.balance >= terms.blackLine && runFrom !== null) {
      causes.push({ text: `积分低于黑榜线 ${terms.blackLine} 分`, from: runFrom, to: point.at })
      runFrom = null
    }
  }
  if (runFrom !== null) causes.push({ text: `积分低于黑榜线 ${terms.blackLine} 分`, from: runFrom, to: null })
  return causes
}

/** Where a merchant stands on the board at `now` under the alliance's terms in force. */
export function boardStanding(facts: BoardFacts, terms: Pick<StarTerms, 'blackLine' | 'redMinStars'>, now: Date): BoardStanding {
  const causes = blackCauses(facts, terms, now)
  const open = causes.filter((c) => c.to === null).sort((a, b) => a.from.getTime() - b.from.getTime())
  if (open.length > 0) {
    return { list: 'black', reasons: open.map((c) => ({ text: c.text, since: localDay(c.from) })), since: localDay(open[0].from) }
  }
  const lastEnded = causes.map((c) => c.to!).sort((a, b) => b.getTime() - a.getTime())[0] ?? null
  if (facts.rating && facts.rating.stars >= terms.redMinStars) {
    // Red since the rating, or since the last cause of the black list ended if that came later.
    const since = localDay(lastEnded && lastEnded > facts.rating.ratedAt ? lastEnded : facts.rating.ratedAt)
    return { list: 'red', reasons: [{ text: `星级评比 ${facts.rating.stars} 星，没有待整改的问题`, since }], since }
  }
  return { list: null, leftBlackOn: lastEnded ? localDay(lastEnded) : null }
}
