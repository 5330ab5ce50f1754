import { randomBytes } from 'node:crypto'
import { and, eq, gt, lt, sql } from 'drizzle-orm'
import { newCardCode, readTypedCard } from '../../../src/core/card/card-code'
import { encodeCardToken, type CardClaims } from '../../../src/core/card/token'
import type { HeldCardToken } from '../../../src/core/contracts/card'
import { AppError } from '../../../src/core/errors'
import type { Db } from '../../store/database'
import { cardCodes, households, usedCardTokens } from '../../store/schema'
import { admitBindAttempt, recordFailedBind } from '../shared/bind-attempts'
import { loadCaller } from '../shared/caller'
import { cardTokenSigner } from './card-key'
import { cardHolder } from './redeem'
import { resolveShop, shopServesVillage } from './shop-scope'

/** The code kept only as its HMAC under the card key: a copy of the table gives no usable code. */
function codeHash(code: string): string {
  return cardTokenSigner().sign(`card-code:${code}`)
}

/** Live codes kept per household: two members' phones at once, each across a refresh. */
const LIVE_CODES_PER_HOUSEHOLD = 4

/**
 * A number code for a token just issued: kept with the token's claims until the token expires.
 * Expired codes are deleted here, and a household's oldest beyond its few live ones, so the table
 * holds about a minute of codes however often a phone asks.
 */
export async function issueCardCode(db: Db, claims: CardClaims, now: Date): Promise<string> {
  await db.delete(cardCodes).where(lt(cardCodes.expiresAt, now))
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newCardCode((count) => randomBytes(count))
    const kept = await db
      .insert(cardCodes)
      .values({
        codeHash: codeHash(code),
        householdId: claims.householdId,
        jti: claims.jti,
        issuedAt: new Date(claims.issuedAt),
        expiresAt: new Date(claims.expiresAt),
      })
      .onConflictDoNothing()
      .returning({ codeHash: cardCodes.codeHash })
    if (kept.length > 0) {
      await db.execute(sql`
        delete from card_codes where household_id = ${claims.householdId} and code_hash not in (
          select code_hash from card_codes where household_id = ${claims.householdId} order by issued_at desc, expires_at desc limit ${LIVE_CODES_PER_HOUSEHOLD})`)
      return code
    }
  }
  throw new Error('could not find a free card code')
}

/**
 * A clerk types the number code a villager reads out: answered with the very token the villager's QR
 * shows (same one-time id, same expiry), and whose card it is. A misheard digit fails its check digit
 * and costs nothing; a well-formed code that is not live counts against the clerk's hourly limit of
 * wrong codes (shared with every one-time code), kept even though the call is refused.
 */
export async function codeCardToken(db: Db, openid: string, input: { code: string; shopId?: string }, now = new Date()): Promise<HeldCardToken> {
  const caller = await loadCaller(db, openid)
  const shop = await resolveShop(db, caller, 'redeemAtShop', input.shopId)
  const typed = readTypedCard(input.code)
  if (typed.kind === 'card-number') throw new AppError('INVALID_INPUT', '这是卡上印的 12 位卡号，请点「输入卡号和密码」')
  if (typed.kind !== 'code') throw new AppError('INVALID_INPUT', typed.kind === 'mistyped' ? typed.message : '这里输入 10 位数字码')
  const found = await db.transaction(async (tx) => {
    const failures = await admitBindAttempt(tx, openid, '数字码输错次数太多，请一小时后再试，或请村民出示二维码')
    const [row] = await tx
      .select()
      .from(cardCodes)
      .where(and(eq(cardCodes.codeHash, codeHash(typed.code)), gt(cardCodes.expiresAt, now)))
    if (row) return { row }
    return { triesLeft: await recordFailedBind(tx, openid, 'card_code', failures) }
  })
  if (!found.row) throw new AppError('CARD_CODE_WRONG', `数字码不对或已经过期，请村民刷新积分卡后再念一遍（还可以再试 ${found.triesLeft} 次）`)
  const { householdId, jti, issuedAt, expiresAt } = found.row
  const [used] = await db.select().from(usedCardTokens).where(eq(usedCardTokens.jti, jti))
  if (used) throw new AppError('TOKEN_USED', '这个数字码已经用过了，请村民刷新积分卡后再念新的')
  const [village] = await db.select({ villageId: households.villageId }).from(households).where(eq(households.id, householdId))
  if (!(await shopServesVillage(db, shop.id, village.villageId))) throw new AppError('TOKEN_FOREIGN')
  const claims: CardClaims = { householdId, jti, issuedAt: issuedAt.getTime(), expiresAt: expiresAt.getTime() }
  return { token: encodeCardToken(claims, cardTokenSigner()), expiresAt: expiresAt.toISOString(), holder: await cardHolder(db, householdId, expiresAt.toISOString()) }
}
