import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { and, eq, lt, sql } from 'drizzle-orm'
import { cardNumberFrom, normaliseCardNumber } from '../../../src/core/card/card-number'
import { cleanPaperCardNumber } from '../../../src/core/points-import'
import { MAX_PIN_FAILURES, pinProblem } from '../../../src/core/card/pin'
import { encodeCardToken, newCardClaims, type CardClaims } from '../../../src/core/card/token'
import type { HeldCardToken, MyCard, MyCardToken, PrintedCardView } from '../../../src/core/contracts/card'
import { AppError } from '../../../src/core/errors'
import { mayActOn } from '../../../src/core/policy'
import type { Db } from '../../store/database'
import { householdCards, households, orgs, paperCards, redemptions } from '../../store/schema'
import { issueCardCode } from './card-code'
import { cardTokenSigner } from './card-key'
import { loadCaller } from '../shared/caller'
import { readReceipt } from './receipt-view'
import { cardHolder } from './redeem'
import { resolveShop, shopServesVillage } from './shop-scope'

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>
const SCRYPT = { N: 16384, r: 8, p: 1 }

/** My household's point card: name, card number, balance and the latest receipt. */
export async function myCard(db: Db, openid: string): Promise<MyCard> {
  const householdId = await ownHousehold(db, openid)
  const card = await ensureCard(db, householdId)
  const [household] = await db
    .select({ name: households.headName, houseNo: households.houseNo, balance: households.balance, villageName: orgs.name })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(eq(households.id, householdId))
  const [latest] = await db
    .select({ id: redemptions.id })
    .from(redemptions)
    .where(eq(redemptions.householdId, householdId))
    .orderBy(sql`${redemptions.createdAt} desc`)
    .limit(1)
  return {
    householdId,
    householdName: household.name,
    houseNo: household.houseNo,
    villageName: household.villageName,
    cardNumber: card.cardNumber,
    balance: household.balance,
    pinSet: card.pinHash !== null,
    latestReceipt: latest ? await readReceipt(db, latest.id) : null,
  }
}

/**
 * A fresh one-time token for my household's QR code, and its number code (数字码) for when the QR
 * cannot be scanned; only the code's keyed hash is written, and nothing else until a shop uses it.
 */
export async function issueCardToken(db: Db, openid: string, now = new Date()): Promise<MyCardToken> {
  const householdId = await ownHousehold(db, openid)
  const { claims, token } = signToken(householdId, now)
  return { ...token, code: await issueCardCode(db, claims, now) }
}

/**
 * A clerk exchanges a printed card's number and PIN for a one-time token of that household. Each try
 * first takes one of the card's remaining attempts (one conditional UPDATE, so parallel guesses cannot
 * exceed the limit); a right PIN gives them all back, a wrong one keeps it taken.
 */
export async function printedCardToken(
  db: Db,
  openid: string,
  input: { cardNumber: string; pin: string; shopId?: string },
  now = new Date(),
): Promise<HeldCardToken> {
  const caller = await loadCaller(db, openid)
  const shop = await resolveShop(db, caller, 'redeemAtShop', input.shopId)
  const card = (await ourCard(db, input.cardNumber)) ?? (await paperCard(db, shop.id, input.cardNumber))
  if (!card && !normaliseCardNumber(input.cardNumber)) throw new AppError('INVALID_INPUT', '卡号不对，请核对积分卡上的卡号')
  if (!card) throw new AppError('NOT_FOUND', '没有这张积分卡，请核对卡号')
  if (!(await shopServesVillage(db, shop.id, card.villageId))) throw new AppError('TOKEN_FOREIGN')
  if (card.pinHash === null) throw new AppError('PIN_NOT_SET')
  const [attempt] = await db
    .update(householdCards)
    .set({ pinFailures: sql`${householdCards.pinFailures} + 1` })
    .where(and(eq(householdCards.householdId, card.householdId), lt(householdCards.pinFailures, MAX_PIN_FAILURES)))
    .returning({ failures: householdCards.pinFailures })
  if (!attempt) throw new AppError('PIN_LOCKED')
  if (!(await pinMatches(input.pin, card.pinHash))) {
    const left = MAX_PIN_FAILURES - attempt.failures
    if (left <= 0) throw new AppError('PIN_LOCKED')
    throw new AppError('PIN_WRONG', `密码不对，还可以再试 ${left} 次`)
  }
  await db.update(householdCards).set({ pinFailures: 0 }).where(eq(householdCards.householdId, card.householdId))
  const { token } = signToken(card.householdId, now)
  return { ...token, holder: await cardHolder(db, card.householdId, token.expiresAt) }
}

type CardForPin = { householdId: string; pinHash: string | null; villageId: string }

/** A card we printed (12 digits with a check digit), by its number. */
async function ourCard(db: Db, typed: string): Promise<CardForPin | undefined> {
  const cardNumber = normaliseCardNumber(typed)
  if (!cardNumber) return undefined
  const [card] = await db
    .select({ householdId: householdCards.householdId, pinHash: householdCards.pinHash, villageId: households.villageId })
    .from(householdCards)
    .innerJoin(households, eq(households.id, householdCards.householdId))
    .where(eq(householdCards.cardNumber, cardNumber))
  return card
}

/**
 * A paper 股东积分卡 a village issued before it moved in, by its printed number in a village the shop
 * serves (the same number may be on cards of two villages). Its PIN is the one a cadre set on the
 * household's card (none yet: `pinHash` null).
 */
async function paperCard(db: Db, shopId: string, typed: string): Promise<CardForPin | undefined> {
  const cardNumber = cleanPaperCardNumber(typed)
  if (!cardNumber) return undefined
  const found = await db
    .select({ householdId: paperCards.householdId, villageId: paperCards.villageId, pinHash: householdCards.pinHash })
    .from(paperCards)
    .leftJoin(householdCards, eq(householdCards.householdId, paperCards.householdId))
    .where(eq(paperCards.cardNumber, cardNumber))
  for (const card of found) if (await shopServesVillage(db, shopId, card.villageId)) return card
  return found[0]
}

/** A cadre's view of a household's printed card: its number, whether a PIN is set, whether it is locked. */
export async function printedCard(db: Db, openid: string, input: { householdId: string }): Promise<PrintedCardView> {
  const householdId = await householdForCardPin(db, openid, input.householdId)
  return printedCardView(db, await ensureCard(db, householdId))
}

/** A cadre sets (or resets, which unlocks) the PIN of a household's printed card. */
export async function setCardPin(db: Db, openid: string, input: { householdId: string; pin: string }): Promise<PrintedCardView> {
  const householdId = await householdForCardPin(db, openid, input.householdId)
  const problem = pinProblem(input.pin)
  if (problem) throw new AppError('INVALID_INPUT', problem)
  await ensureCard(db, householdId)
  const [card] = await db
    .update(householdCards)
    .set({ pinHash: await hashPin(input.pin), pinFailures: 0, pinSetAt: new Date(), pinSetBy: openid })
    .where(eq(householdCards.householdId, householdId))
    .returning()
  return printedCardView(db, card)
}

async function householdForCardPin(db: Db, openid: string, householdId: string): Promise<string> {
  const caller = await loadCaller(db, openid)
  const [household] = await db
    .select({ id: households.id, villagePath: orgs.path })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.villageId))
    .where(eq(households.id, householdId))
  if (!household) throw new AppError('NOT_FOUND', '没有找到这户')
  if (!mayActOn(caller.grants, 'manageCardPin', [household.villagePath])) {
    throw new AppError('FORBIDDEN', '只有本村的村干部能设置积分卡密码')
  }
  return household.id
}

async function printedCardView(db: Db, card: typeof householdCards.$inferSelect): Promise<PrintedCardView> {
  const [paper] = await db.select({ cardNumber: paperCards.cardNumber }).from(paperCards).where(eq(paperCards.householdId, card.householdId))
  return {
    cardNumber: card.cardNumber,
    paperCardNumber: paper?.cardNumber ?? null,
    pinSet: card.pinHash !== null,
    locked: card.pinFailures >= MAX_PIN_FAILURES,
    pinSetAt: card.pinSetAt?.toISOString() ?? null,
  }
}

async function ownHousehold(db: Db, openid: string): Promise<string> {
  const caller = await loadCaller(db, openid)
  if (!caller.householdId) throw new AppError('FORBIDDEN', '只有股东户的成员才有积分卡')
  return caller.householdId
}

function signToken(householdId: string, now: Date): { claims: CardClaims; token: { token: string; expiresAt: string } } {
  const claims = newCardClaims(householdId, randomBytes(16).toString('base64url'), now.getTime())
  return { claims, token: { token: encodeCardToken(claims, cardTokenSigner()), expiresAt: new Date(claims.expiresAt).toISOString() } }
}

/** The household's card, numbered the first time it is asked for. */
export async function ensureCard(db: Db, householdId: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [existing] = await db.select().from(householdCards).where(eq(householdCards.householdId, householdId))
    if (existing) return existing
    const digits = Array.from({ length: 11 }, () => randomInt(10)).join('')
    await db.insert(householdCards).values({ householdId, cardNumber: cardNumberFrom(digits) }).onConflictDoNothing()
  }
  throw new Error(`could not number the card of ${householdId}`)
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(pin, salt, 32, SCRYPT)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt') return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await scrypt(pin, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
  return timingSafeEqual(actual, expected)
}
