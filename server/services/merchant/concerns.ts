import { and, count, desc, eq, gt, lt, sql } from 'drizzle-orm'
import type { ConcernPage } from '../../../src/core/contracts/merchant'
import { AppError } from '../../../src/core/errors'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { Db } from '../../store/database'
import { households, merchantConcerns } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { allianceInScope } from './merchants'

/** Concerns one WeChat user may raise in a day, about any merchants: a storefront is public, its box must not flood. */
const CONCERNS_PER_DAY = 5
/** Concerns one merchant may receive in a day, from everyone: a crowd of WeChat users cannot flood one shop's box. */
const CONCERNS_PER_MERCHANT_PER_DAY = 20
/** Concerns on one page of the committee's list; older ones are read with `beforeId`. */
const CONCERNS_PAGE = 50

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
  // The person's lock, then the merchant's: always in this order, so two raisers never wait on each other.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`concern:${openid}`}))`)
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`concern-merchant:${merchant.id}`}))`)
  const lastDay = gt(merchantConcerns.createdAt, sql`now() - interval '1 day'`)
  const [{ today }] = await db.select({ today: count() }).from(merchantConcerns).where(and(eq(merchantConcerns.openid, openid), lastDay))
  if (today >= CONCERNS_PER_DAY) throw new AppError('LIMIT_REACHED', `一天最多反映 ${CONCERNS_PER_DAY} 次，请明天再来`)
  const [{ aboutIt }] = await db
    .select({ aboutIt: count() })
    .from(merchantConcerns)
    .where(and(eq(merchantConcerns.allianceId, merchant.allianceId), eq(merchantConcerns.merchantId, merchant.id), lastDay))
  if (aboutIt >= CONCERNS_PER_MERCHANT_PER_DAY) {
    throw new AppError('LIMIT_REACHED', `这家店今天已经收到 ${CONCERNS_PER_MERCHANT_PER_DAY} 条反映，联盟会逐条处理，请明天再来`)
  }
  await requireCleanText(contentCheck, input.text, openid)
  await db.insert(merchantConcerns).values({ merchantId: merchant.id, allianceId: merchant.allianceId, text: input.text, openid })
  return { received: true, tradeName: merchant.tradeName! }
}

/**
 * The concerns customers raised about the alliance's merchants, newest first, a page at a time (older
 * ones with `beforeId`, as the ledger and messages page): its committee and inspectors.
 */
export async function listConcerns(db: Db, openid: string, input: { allianceId: string; beforeId?: number }): Promise<ConcernPage> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'viewHouseholds')
  const rows = await db
    .select({ concern: merchantConcerns, tradeName: households.tradeName })
    .from(merchantConcerns)
    .innerJoin(households, eq(households.id, merchantConcerns.merchantId))
    .where(and(eq(merchantConcerns.allianceId, alliance.id), input.beforeId ? lt(merchantConcerns.id, input.beforeId) : undefined))
    .orderBy(desc(merchantConcerns.id))
    .limit(CONCERNS_PAGE + 1)
  const page = rows.slice(0, CONCERNS_PAGE)
  return {
    concerns: page.map(({ concern, tradeName }) => ({ id: concern.id, merchantId: concern.merchantId, tradeName: tradeName!, text: concern.text, createdAt: concern.createdAt.toISOString() })),
    nextBeforeId: rows.length > CONCERNS_PAGE ? page[page.length - 1].concern.id : null,
  }
}
