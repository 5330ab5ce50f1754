import { and, eq, isNull } from 'drizzle-orm'
import type { LeftMerchant } from '../../../src/core/contracts/account'
import { AppError } from '../../../src/core/errors'
import type { Db } from '../../store/database'
import { householdMembers, households } from '../../store/schema'

/**
 * 解除店铺绑定 by the owner himself (我的): his binding to the shop ends, and with it his 店主 role; the
 * merchant, its ledger and its plate stay with the alliance, and his household binding is untouched.
 * The committee gives a new code to whoever keeps the shop next.
 */
export async function leaveMerchant(db: Db, openid: string, now = new Date()): Promise<LeftMerchant> {
  const [member] = await db
    .select({ id: householdMembers.id, tradeName: households.tradeName })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(eq(householdMembers.openid, openid), eq(householdMembers.memberKind, 'merchant'), isNull(householdMembers.unboundAt)))
    .for('update')
  if (!member) throw new AppError('NOT_FOUND', '您的微信现在没有绑定哪家店，不用解除')
  await db.update(householdMembers).set({ unboundAt: now }).where(eq(householdMembers.id, member.id))
  return { tradeName: member.tradeName!, unboundAt: now.toISOString() }
}
