import { and, asc, desc, eq, isNotNull, max } from 'drizzle-orm'
import type { RuleSetView, RuleView } from '../../../src/core/contracts/score'
import { AppError } from '../../../src/core/errors'
import { memberKindAt } from '../../../src/core/member-kind'
import type { OrgKind } from '../../../src/core/org'
import { misplacedCategory, type RuleCategory } from '../../../src/core/rules'
import { scoredBySignInOnly } from '../../../src/core/starter-rules'
import type { Db } from '../../store/database'
import { mayActOn } from '../../../src/core/policy'
import { households, orgs, rules, ruleSetOrgs, ruleSets, ruleSetVersions } from '../../store/schema'
import { loadCaller } from '../shared/caller'

export type RuleRow = typeof rules.$inferSelect

export function ruleView(rule: RuleRow): RuleView {
  return {
    id: rule.id,
    code: rule.code,
    category: rule.category as RuleCategory,
    title: rule.title,
    points: rule.points,
    monthlyLimit: rule.monthlyLimit,
    yearlyLimit: rule.yearlyLimit,
    evidenceRequired: rule.evidenceRequired,
    restorable: rule.restorable,
    claimable: rule.claimable,
    rectifyDays: rule.rectifyDays,
  }
}

/** The rule set a village or community scores with, or null when it has none. */
export async function ruleSetIdOf(db: Db, orgId: string): Promise<string | null> {
  const [row] = await db.select({ id: ruleSetOrgs.ruleSetId }).from(ruleSetOrgs).where(eq(ruleSetOrgs.orgId, orgId))
  return row?.id ?? null
}

/** The newest published version of a set: the one in force. */
async function versionInForce(db: Db, ruleSetId: string): Promise<{ version: number; publishedAt: Date } | null> {
  const [row] = await db
    .select({ version: ruleSetVersions.version, publishedAt: ruleSetVersions.publishedAt })
    .from(ruleSetVersions)
    .where(and(eq(ruleSetVersions.ruleSetId, ruleSetId), isNotNull(ruleSetVersions.publishedAt)))
    .orderBy(desc(ruleSetVersions.version))
    .limit(1)
  return row?.publishedAt ? { version: row.version, publishedAt: row.publishedAt } : null
}

/** A rule that may be used now: it exists and belongs to the version of its set in force. */
export async function loadRuleInForce(db: Db, ruleId: number): Promise<RuleRow> {
  const [rule] = await db.select().from(rules).where(eq(rules.id, ruleId))
  if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
  const inForce = await versionInForce(db, rule.ruleSetId)
  if (inForce?.version !== rule.version) throw new AppError('RULE_OUTDATED')
  return rule
}

/**
 * 参加培训 is scored only by a training's sign-in (merchant.signIn: once per session, by code, from
 * the session's opener): never by hand in score.submit, nor claimed.
 */
export function refuseTrainingRuleByHand(rule: Pick<RuleRow, 'code'>, how: '手工评分' | '申报'): void {
  if (scoredBySignInOnly(rule)) throw new AppError('RULE_NOT_APPLICABLE', `参加培训的积分由培训签到自动记，不能${how}`)
}

/**
 * The published rules in force for an organisation (a village or community; a grid or group is
 * looked up through its village). Without an org: the caller's own village, or their first grant's.
 */
export async function publishedRules(db: Db, openid: string, input: { orgId?: string }): Promise<RuleSetView> {
  const caller = await loadCaller(db, openid)
  const startOrgId = input.orgId ?? (caller.householdId ? await villageOfHousehold(db, caller.householdId) : caller.grants[0]?.org.id)
  const ruleSetId = startOrgId ? await ruleSetOfNearest(db, startOrgId) : null
  if (!ruleSetId) throw new AppError('NOT_FOUND', '这里还没有公布积分细则')
  return ruleSetView(db, ruleSetId)
}

async function ruleSetView(db: Db, ruleSetId: string): Promise<RuleSetView> {
  const [set] = await db
    .select({ id: ruleSets.id, name: ruleSets.name, ownerKind: orgs.kind })
    .from(ruleSets)
    .innerJoin(orgs, eq(orgs.id, ruleSets.ownerOrgId))
    .where(eq(ruleSets.id, ruleSetId))
  const inForce = await versionInForce(db, ruleSetId)
  if (!set || !inForce) throw new AppError('NOT_FOUND', '这里还没有公布积分细则')
  const rows = await db
    .select()
    .from(rules)
    .where(and(eq(rules.ruleSetId, ruleSetId), eq(rules.version, inForce.version)))
    .orderBy(asc(rules.sortOrder), asc(rules.id))
  return {
    id: set.id,
    name: set.name,
    memberKind: memberKindAt(set.ownerKind as OrgKind),
    version: inForce.version,
    publishedAt: inForce.publishedAt.toISOString(),
    rules: rows.map(ruleView),
  }
}

async function ruleSetOwnedBy(db: Db, orgId: string): Promise<string | null> {
  const [row] = await db.select({ id: ruleSets.id }).from(ruleSets).where(eq(ruleSets.ownerOrgId, orgId)).orderBy(asc(ruleSets.id)).limit(1)
  return row?.id ?? null
}

async function villageOfHousehold(db: Db, householdId: string): Promise<string | undefined> {
  const [row] = await db.select({ villageId: households.villageId }).from(households).where(eq(households.id, householdId))
  return row?.villageId
}

/**
 * Walks up from an organisation to the first one that scores with a rule set, or owns one (a street
 * that keeps the set its villages and communities share).
 */
async function ruleSetOfNearest(db: Db, orgId: string): Promise<string | null> {
  let current: string | null = orgId
  while (current) {
    const found = (await ruleSetIdOf(db, current)) ?? (await ruleSetOwnedBy(db, current))
    if (found) return found
    const [org] = await db.select({ parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, current))
    current = org?.parentId ?? null
  }
  return null
}

export type RuleInput = Omit<RuleView, 'id'>

/**
 * Publishes a new version of a rule set with exactly these rules. Earlier versions stay as they
 * were: entries scored under them keep pointing at their own rows. A village's (or street's) set
 * uses the households' categories only, an alliance's the merchants' only.
 */
export async function publishRuleSet(
  db: Db,
  openid: string,
  input: { ruleSetId: string; rules: RuleInput[] },
): Promise<RuleSetView> {
  const caller = await loadCaller(db, openid)
  const [set] = await db
    .select({ id: ruleSets.id, ownerPath: orgs.path, ownerKind: orgs.kind })
    .from(ruleSets)
    .innerJoin(orgs, eq(orgs.id, ruleSets.ownerOrgId))
    .where(eq(ruleSets.id, input.ruleSetId))
  if (!set) throw new AppError('NOT_FOUND', '没有找到这套积分细则')
  if (!mayActOn(caller.grants, 'editRules', [set.ownerPath])) throw new AppError('FORBIDDEN', '只有制定这套细则的村或街道可以修改它')
  const misplaced = misplacedCategory(memberKindAt(set.ownerKind as OrgKind), input.rules)
  if (misplaced) throw new AppError('INVALID_INPUT', misplaced)
  const [{ latest }] = await db
    .select({ latest: max(ruleSetVersions.version) })
    .from(ruleSetVersions)
    .where(eq(ruleSetVersions.ruleSetId, set.id))
  const version = (latest ?? 0) + 1
  await db.insert(ruleSetVersions).values({ ruleSetId: set.id, version, publishedAt: new Date(), publishedBy: openid })
  await db.insert(rules).values(input.rules.map((rule, i) => ({ ...rule, ruleSetId: set.id, version, sortOrder: i })))
  return ruleSetView(db, set.id)
}
