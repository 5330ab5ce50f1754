import { and, eq } from 'drizzle-orm'
import { lastMonths, shanghaiInstant } from '../../src/core/period'
import type { Db } from './database'
import { appendLedgerEntry } from './ledger'
import { households, rules } from './schema'

/**
 * Five months of monthly environment inspections in 赵家桥村 before this one, so the 美丽积分图 and
 * the rankings have a history to show: most households keep tidy, a few stay low and one improves
 * after repeated visits (as in 山塘村 13组). The current month is left for the demo to fill.
 */
export async function seedDemoHistory(tx: Db, now = new Date()): Promise<void> {
  const zjq = await tx.select({ id: households.id, microGridId: households.microGridId }).from(households).where(eq(households.villageId, 'v-zjq'))
  const rule = async (code: string) => {
    const [row] = await tx.select().from(rules).where(and(eq(rules.ruleSetId, 'rs-zjq'), eq(rules.code, code), eq(rules.version, 1)))
    return row
  }
  const [tidy, courtyard, clutter, wasteRight] = [await rule('env-tidy'), await rule('env-courtyard'), await rule('env-clutter'), await rule('waste-right')]
  const months = lastMonths(now, 6)
  for (let monthsAgo = 5; monthsAgo >= 1; monthsAgo--) {
    const at = shanghaiInstant(`${months[5 - monthsAgo]}-10`, 9)
    for (const [i, household] of zjq.entries()) {
      const stayingLow = i % 11 === 4
      const improving = i === 15 && monthsAgo <= 2
      const picks = stayingLow && !improving ? [clutter] : i % 3 === 0 ? [tidy, courtyard, wasteRight] : [tidy, wasteRight]
      for (const r of picks) {
        await appendLedgerEntry(tx, {
          householdId: household.id,
          points: r.points,
          kind: 'score',
          ruleId: r.id,
          scorerOrgId: household.microGridId,
          note: '月度人居环境检查',
          at,
        })
      }
    }
  }
}
