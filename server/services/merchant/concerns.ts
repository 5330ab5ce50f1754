import { and, count, desc, eq, gt, sql } from 'drizzle-orm'
import type { ConcernView } from '../../../src/core/contracts/merchant'
import { AppError } from '../../../src/core/errors'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { Db } from '../../store/database'
import { households, merchantConcerns } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { allianceInScope } from './merchants'

/** Concerns one WeChat user may raise in a day, about any merchants: a storefront is public, its box must not flood. */
const CONCERNS_PER_DAY = 5

/**
 * 我要反映: a customer who opened a merchant's storefront sign raises a concern; the text passes
 * WeChat's content check like every text, and it goes to the alliance's committee (merchant.concerns).
 * Nobody needs to be registered: the WeChat identity is kept, for the limit, not shown.
 */
export async function raiseConcern(
  db: Db,
  openid: string,
  contentCheck: ContentCheck,
  input: { merchantId: string; text: string },
): Promise<{ received: true; tradeName: string }> {
  const [merchant] = await db
    .select({ id: households.id, tradeName: households.tradeName, allianceId: households.villageId })
    .from(households)
    .where(and(eq(households.id, input.merchantId), eq(households.memberKind, 'merchant')))
  if (!merchant) throw new AppError('NOT_FOUND', '没有找到这家店')
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`concern:${openid}`}))`)
  const [{ today }] = await db
    .select({ today: count() })
    .from(merchantConcerns)
    .where(and(eq(merchantConcerns.openid, openid), gt(merchantConcerns.createdAt, sql`now() - interval '1 day'`)))
  if (today >= CONCERNS_PER_DAY) throw new AppError('LIMIT_REACHED', `一天最多反映 ${CONCERNS_PER_DAY} 次，请明天再来`)
  await requireCleanText(contentCheck, input.text, openid)
  await db.insert(merchantConcerns).values({ merchantId: merchant.id, allianceId: merchant.allianceId, text: input.text, openid })
  return { received: true, tradeName: merchant.tradeName! }
}

/** The concerns customers raised about the alliance's merchants, newest first: its committee and inspectors. */
export async function listConcerns(db: Db, openid: string, input: { allianceId: string }): Promise<ConcernView[]> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'viewHouseholds')
  const rows = await db
    .select({ concern: merchantConcerns, tradeName: households.tradeName })
    .from(merchantConcerns)
    .innerJoin(households, eq(households.id, merchantConcerns.merchantId))
    .where(eq(merchantConcerns.allianceId, alliance.id))
    .orderBy(desc(merchantConcerns.id))
    .limit(100)
  return rows.map(({ concern, tradeName }) => ({ id: concern.id, merchantId: concern.merchantId, tradeName: tradeName!, text: concern.text, createdAt: concern.createdAt.toISOString() }))
}
