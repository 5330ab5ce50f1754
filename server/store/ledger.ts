import { and, gte, inArray, sql } from 'drizzle-orm'
import { AppError } from '../../src/core/errors'
import { EARNED_POINT_KINDS, isValidPointMovement, SCORED_KINDS, type LedgerKind } from '../../src/core/ledger'
import { periodsOf } from '../../src/core/period'
import type { Db } from './database'
import { householdPeriodPoints, householdRulePoints, households, ledgerEntries, placeRulePoints, unitPoints } from './schema'

export type NewEntry = {
  householdId: string
  points: number
  kind: LedgerKind
  note?: string
  actorOpenid?: string | null
  reversesEntryId?: number | null
  ruleId?: number | null
  scorerOrgId?: string | null
  /** When it happened, for history carried over from paper records (the demo seed); default now. */
  at?: Date
  /** Spending (a redemption) may never take the balance below zero: refused with INSUFFICIENT_POINTS. */
  mustStayNonNegative?: boolean
}

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect

/** The one way points move, for one entry: `appendLedgerEntries` with a batch of one. */
export async function appendLedgerEntry(tx: Db, entry: NewEntry): Promise<LedgerEntryRow> {
  const [written] = await appendLedgerEntries(tx, [entry])
  return written
}

/**
 * The one way points move, for a batch of entries in six statements however many there are: the
 * household rows are updated by each one's total (which locks them until the transaction ends, so
 * entries of one household are applied one after another), the entries are written in the given
 * order with the running balance each produced, and the earned ones are added to the kept totals
 * (server/store/kept-totals.ts lists them all, with how to recompute each from the entries). The balance check and the debit are one conditional UPDATE, so parallel spending can never
 * overdraw (a batch with `mustStayNonNegative` is refused whole if any household would go below zero).
 * Call it inside the transaction that does the rest of the work; callers that touch several
 * households lock them in id order first (submit-score.ts), so parallel batches queue, not deadlock.
 * Returns the written entries in the given order.
 */
export async function appendLedgerEntries(tx: Db, entries: readonly NewEntry[]): Promise<LedgerEntryRow[]> {
  if (entries.length === 0) return []
  for (const entry of entries) if (!isValidPointMovement(entry.points)) throw new Error(`invalid point movement: ${entry.points}`)
  const totals = new Map<string, number>()
  for (const e of entries) totals.set(e.householdId, (totals.get(e.householdId) ?? 0) + e.points)
  const ids = [...totals.keys()]
  const delta = sql`(case ${households.id} ${sql.join(
    ids.map((id) => sql`when ${id} then ${totals.get(id)}::int`),
    sql` `,
  )} end)`
  const mustStayNonNegative = entries.some((e) => e.mustStayNonNegative)
  const updated = await tx
    .update(households)
    .set({ balance: sql`${households.balance} + ${delta}` })
    .where(and(inArray(households.id, ids), mustStayNonNegative ? gte(sql`${households.balance} + ${delta}`, 0) : undefined))
    .returning({
      id: households.id,
      balance: households.balance,
      villageId: households.villageId,
      communityId: households.communityId,
      microGridId: households.microGridId,
    })
  if (updated.length < ids.length) {
    const existing = await tx.select({ id: households.id }).from(households).where(inArray(households.id, ids))
    const missing = ids.find((id) => !existing.some((row) => row.id === id))
    if (missing) throw new Error(`no household ${missing}`)
    throw new AppError('INSUFFICIENT_POINTS')
  }

  // Each entry's balance: the balance before the batch plus the household's entries up to it.
  const running = new Map(updated.map((row) => [row.id, row.balance - totals.get(row.id)!]))
  const values = entries.map((entry) => {
    const balanceAfter = running.get(entry.householdId)! + entry.points
    running.set(entry.householdId, balanceAfter)
    return {
      householdId: entry.householdId,
      points: entry.points,
      balanceAfter,
      kind: entry.kind,
      note: entry.note ?? '',
      actorOpenid: entry.actorOpenid ?? null,
      reversesEntryId: entry.reversesEntryId ?? null,
      ruleId: entry.ruleId ?? null,
      scorerOrgId: entry.scorerOrgId ?? null,
      ...(entry.at ? { createdAt: entry.at } : {}),
    }
  })
  // Ids are drawn in VALUES order, so sorting by id gives the entries back in the order given.
  const written = (await tx.insert(ledgerEntries).values(values).returning()).sort((a, b) => a.id - b.id)
  const places = new Map(updated.map((row) => [row.id, { villageId: row.villageId, communityId: row.communityId ?? '', microGridId: row.microGridId ?? '' }]))
  await addToEarnedTotals(tx, written.filter((e) => EARNED_POINT_KINDS.includes(e.kind as LedgerKind)), places)
  return written
}

/**
 * Keeps the totals of earned points in step with the entries just written, one statement each: per
 * household and Asia/Shanghai month and year (rankings, charts); per household, month and year,
 * rule and scoring organisation, split by how the points moved (the dividend's points by where they
 * came from); the same per place the household sits in (communities' flows in the street's view);
 * and per unit and rule category (the street's view, the units' 美丽积分图). Rows are summed
 * first: an upsert may not touch the same row twice. Place rows are shared by a micro-grid's
 * households, so they are written in key order (`byPlaceKey`): parallel writers lock them in the same order.
 */
async function addToEarnedTotals(tx: Db, earned: readonly LedgerEntryRow[], places: ReadonlyMap<string, Place>) {
  if (earned.length === 0) return
  const periods = new Map<string, { householdId: string; period: string; points: number }>()
  const byRule = new Map<string, RuleTotalsRow>()
  const byPlace = new Map<string, PlaceTotalsRow>()
  for (const entry of earned) {
    const { householdId, points, createdAt } = entry
    const ruleId = entry.ruleId ?? 0
    const scorerOrgId = entry.scorerOrgId ?? ''
    const moved = ruleTotalsOf(entry)
    const { month, year } = periodsOf(createdAt)
    for (const period of [month, year]) {
      const kept = periods.get(`${householdId} ${period}`) ?? { householdId, period, points: 0 }
      kept.points += points
      periods.set(`${householdId} ${period}`, kept)
      const key = `${householdId} ${period} ${ruleId} ${scorerOrgId}`
      const rule = byRule.get(key) ?? { householdId, period, ruleId, scorerOrgId, given: 0, deducted: 0, corrected: 0, restored: 0 }
      for (const how of MOVES) rule[how] += moved[how]
      byRule.set(key, rule)
      const place = places.get(householdId)!
      const placeKey = [period, place.villageId, place.communityId, place.microGridId, ruleId, scorerOrgId].join(' ')
      const atPlace = byPlace.get(placeKey) ?? { period, ...place, ruleId, scorerOrgId, given: 0, deducted: 0, corrected: 0, restored: 0 }
      for (const how of MOVES) atPlace[how] += moved[how]
      byPlace.set(placeKey, atPlace)
    }
  }
  await tx
    .insert(householdPeriodPoints)
    .values([...periods.values()])
    .onConflictDoUpdate({
      target: [householdPeriodPoints.period, householdPeriodPoints.householdId],
      set: { points: sql`${householdPeriodPoints.points} + excluded.points` },
    })
  await tx
    .insert(householdRulePoints)
    .values([...byRule.values()])
    .onConflictDoUpdate({
      target: [householdRulePoints.period, householdRulePoints.householdId, householdRulePoints.ruleId, householdRulePoints.scorerOrgId],
      set: addedMoves(householdRulePoints),
    })
  await tx
    .insert(placeRulePoints)
    .values([...byPlace.values()].sort(byPlaceKey))
    .onConflictDoUpdate({
      target: [placeRulePoints.period, placeRulePoints.villageId, placeRulePoints.communityId, placeRulePoints.microGridId, placeRulePoints.ruleId, placeRulePoints.scorerOrgId],
      set: addedMoves(placeRulePoints),
    })
  await addToUnitTotals(tx, [...byRule.values()])
}

/**
 * The households' new rule totals added to the units each sits in (household_units, migration 0024:
 * village, community, micro-grid and the micro-grid's grid) under their rule's category, summed per
 * row and written in key order (text by code unit), the order the move triggers of migration 0024
 * lock rows in too, so a batch and a move never wait on each other in a cycle.
 */
async function addToUnitTotals(tx: Db, rows: readonly RuleTotalsRow[]) {
  const values = rows.map(
    (r) => sql`(${r.householdId}, ${r.period}, ${r.ruleId}::int, ${r.given}::int, ${r.deducted}::int, ${r.corrected}::int, ${r.restored}::int)`,
  )
  const category = sql`coalesce(r.category, '其他')`
  await tx.execute(sql`
    insert into ${unitPoints} (org_id, period, category, given, deducted, corrected, restored)
    select u.org_id, k.period, ${category}, sum(k.given)::int, sum(k.deducted)::int, sum(k.corrected)::int, sum(k.restored)::int
      from (values ${sql.join(values, sql`, `)}) as k(household_id, period, rule_id, given, deducted, corrected, restored)
      join households h on h.id = k.household_id
      left join rules r on r.id = k.rule_id
     cross join lateral household_units(h.village_id, h.community_id, h.micro_grid_id) as u(org_id)
     group by u.org_id, k.period, ${category}
     order by u.org_id collate "C", k.period collate "C", ${category} collate "C"
    on conflict (org_id, period, category) do update
       set ${sql.join(MOVES.map((how) => sql`${sql.raw(how)} = ${unitPoints[how]} + excluded.${sql.raw(how)}`), sql`, `)}`)
}

/** Where a household sits, as place_rule_points keys it ('' for no community or micro-grid). */
type Place = { villageId: string; communityId: string; microGridId: string }

/**
 * place_rule_points' key order, the order the trigger households_place_moved (migration 0018) locks
 * rows in too (text in "C" collation: by code unit, as here), so a batch and a move never wait on
 * each other in a cycle.
 */
function byPlaceKey(a: PlaceTotalsRow, b: PlaceTotalsRow): number {
  for (const key of ['period', 'villageId', 'communityId', 'microGridId', 'ruleId', 'scorerOrgId'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1
  }
  return 0
}

const MOVES = ['given', 'deducted', 'corrected', 'restored'] as const

/** An upsert's SET adding the new row's points to the kept row's, for each way points move. */
function addedMoves(table: typeof householdRulePoints | typeof placeRulePoints) {
  return Object.fromEntries(MOVES.map((how) => [how, sql`${table[how]} + excluded.${sql.raw(how)}`]))
}
type RuleTotalsRow = typeof householdRulePoints.$inferInsert & Record<(typeof MOVES)[number], number>
type PlaceTotalsRow = typeof placeRulePoints.$inferInsert & Record<(typeof MOVES)[number], number>

/** How an earned entry counts in household_rule_points: given, deducted, corrected or restored. */
function ruleTotalsOf(entry: { kind: string; points: number }): Record<(typeof MOVES)[number], number> {
  const moved = { given: 0, deducted: 0, corrected: 0, restored: 0 }
  const scored = SCORED_KINDS.includes(entry.kind as LedgerKind)
  if (scored && entry.points > 0) moved.given = entry.points
  else if (scored) moved.deducted = -entry.points
  else if (entry.kind === 'score_reversal') moved.corrected = entry.points
  else moved.restored = entry.points
  return moved
}
