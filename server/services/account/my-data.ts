import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { MyData, WithdrawResult } from '../../../src/core/contracts/account'
import { CERTIFICATE_STATUS_LABELS, certificateStatus } from '../../../src/core/credit/certificate'
import { AppError } from '../../../src/core/errors'
import { CLOSED_MATTER_STATUSES } from '../../../src/core/matter'
import { WITHDRAW_GOES, WITHDRAW_STAYS, WITHDRAWN_NAME } from '../../../src/core/my-data'
import { ROLE_LABELS } from '../../../src/core/roles'
import type { Db } from '../../store/database'
import {
  appeals,
  certificateVerifications,
  creditCertificates,
  dividendLines,
  dividendRuns,
  householdMembers,
  households,
  ledgerEntries,
  matters,
  messages,
  notices,
  orgs,
  photoChecks,
  photoDeletions,
  redemptions,
  remindersSent,
  scoreRecords,
  subscriptionGrants,
  users,
  wechatGroups,
} from '../../store/schema'
import { loadCaller } from '../shared/caller'

const group = alias(orgs, 'my_group')
const village = alias(orgs, 'my_village')
const one = <T>(rows: T[]): T => rows[0]

/**
 * 我的信息: what the app holds about the caller (their name, settings, roles, messages, the photos they
 * uploaded, the groups they opened cards in) and, while they are bound, about their household (its roster
 * line, who is bound, its points and ledger, notices, claims, appeals, redemptions, dividends,
 * certificates and who looked at them). Only the caller's own: there is nothing to ask for by id.
 */
export async function myData(db: Db, openid: string, now = new Date()): Promise<MyData> {
  const caller = await loadCaller(db, openid)
  const user = one(await db.select().from(users).where(eq(users.openid, openid)))
  const uploaded = await db.select({ fileId: photoChecks.fileId, verdict: photoChecks.verdict }).from(photoChecks).where(eq(photoChecks.uploaderOpenid, openid))
  const deleted = uploaded.length
    ? one(await db.select({ n: count() }).from(photoDeletions).where(inArray(photoDeletions.fileId, uploaded.map((p) => p.fileId)))).n
    : 0
  const raised = await db.select({ status: matters.status }).from(matters).where(eq(matters.raisedBy, openid))
  const groups = await db
    .select({ village: orgs.name, at: wechatGroups.createdAt })
    .from(wechatGroups)
    .innerJoin(orgs, eq(orgs.id, wechatGroups.villageId))
    .where(eq(wechatGroups.recordedBy, openid))
    .orderBy(asc(wechatGroups.createdAt))
  return {
    me: {
      displayName: user.displayName,
      elderMode: user.elderMode,
      firstSeenAt: user.createdAt.toISOString(),
      roles: caller.grants.map((g) => ({ label: ROLE_LABELS[g.role], org: g.org.name })),
      messages: one(await db.select({ n: count() }).from(messages).where(eq(messages.openid, openid))).n,
      subscriptions: one(await db.select({ n: sql<number>`coalesce(sum(${subscriptionGrants.available}), 0)::int` }).from(subscriptionGrants).where(eq(subscriptionGrants.openid, openid))).n,
    },
    household: caller.householdId ? await householdData(db, caller.householdId, openid, now) : null,
    matters: { raised: raised.length, open: raised.filter((m) => !CLOSED_MATTER_STATUSES.includes(m.status as (typeof CLOSED_MATTER_STATUSES)[number])).length },
    photos: {
      uploaded: uploaded.length,
      checking: uploaded.filter((p) => p.verdict === 'checking').length,
      hidden: uploaded.filter((p) => p.verdict === 'risky').length,
      deleted,
    },
    groups: groups.map((g) => ({ village: g.village, at: g.at.toISOString() })),
    withdraw: { possible: caller.householdId !== null, goes: WITHDRAW_GOES, stays: WITHDRAW_STAYS },
  }
}

async function householdData(db: Db, householdId: string, openid: string, now: Date): Promise<NonNullable<MyData['household']>> {
  const row = one(
    await db
      .select({ household: households, village: village.name, group: group.name })
      .from(households)
      .innerJoin(village, eq(village.id, households.villageId))
      .leftJoin(group, eq(group.id, households.groupId))
      .where(eq(households.id, householdId)),
  )
  const members = await db
    .select({ displayName: users.displayName, boundAt: householdMembers.boundAt, openid: householdMembers.openid })
    .from(householdMembers)
    .innerJoin(users, eq(users.openid, householdMembers.openid))
    .where(and(eq(householdMembers.householdId, householdId), isNull(householdMembers.unboundAt)))
    .orderBy(asc(householdMembers.boundAt))
  const ledger = one(
    await db
      .select({
        entries: count(),
        earned: sql<number>`coalesce(sum(${ledgerEntries.points}) filter (where ${ledgerEntries.points} > 0), 0)::int`,
        deducted: sql<number>`coalesce(-sum(${ledgerEntries.points}) filter (where ${ledgerEntries.points} < 0), 0)::int`,
        firstAt: sql<Date | null>`min(${ledgerEntries.createdAt})`,
        lastAt: sql<Date | null>`max(${ledgerEntries.createdAt})`,
      })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.householdId, householdId)),
  )
  const noticeRows = await db.select({ status: notices.status }).from(notices).where(eq(notices.householdId, householdId))
  const spent = one(
    await db
      .select({ count: count(), points: sql<number>`coalesce(sum(${redemptions.pointsSpent}), 0)::int` })
      .from(redemptions)
      .where(eq(redemptions.householdId, householdId)),
  )
  const dividends = await db
    .select({ year: dividendRuns.year, amountFen: dividendLines.totalFen })
    .from(dividendLines)
    .innerJoin(dividendRuns, eq(dividendRuns.id, dividendLines.runId))
    .where(and(eq(dividendLines.householdId, householdId), eq(dividendRuns.status, 'published')))
    .orderBy(desc(dividendRuns.year), desc(dividendRuns.id))
  const certificates = await db.select().from(creditCertificates).where(eq(creditCertificates.householdId, householdId)).orderBy(desc(creditCertificates.issuedAt))
  const looks = certificates.length
    ? await db
        .select({ certificateId: certificateVerifications.certificateId, at: certificateVerifications.createdAt })
        .from(certificateVerifications)
        .where(inArray(certificateVerifications.certificateId, certificates.map((c) => c.id)))
        .orderBy(asc(certificateVerifications.id))
    : []
  const asDate = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())
  return {
    name: row.household.headName,
    houseNo: row.household.houseNo,
    village: row.village,
    group: row.group,
    shares: row.household.shares,
    memberNames: row.household.memberNames,
    boundMembers: members.map((m) => ({ displayName: m.displayName, boundAt: m.boundAt.toISOString(), me: m.openid === openid })),
    balance: row.household.balance,
    ledger: { entries: ledger.entries, earned: ledger.earned, deducted: ledger.deducted, firstAt: asDate(ledger.firstAt), lastAt: asDate(ledger.lastAt) },
    notices: { total: noticeRows.length, open: noticeRows.filter((n) => n.status === 'open' || n.status === 'proof_submitted').length },
    claims: one(await db.select({ n: count() }).from(scoreRecords).where(and(eq(scoreRecords.householdId, householdId), eq(scoreRecords.source, 'claim')))).n,
    appeals: one(await db.select({ n: count() }).from(appeals).where(eq(appeals.householdId, householdId))).n,
    redemptions: { count: spent.count, points: spent.points },
    // One line per year: the newest published run of the year (a correction supersedes the first).
    dividends: dividends.filter((d, i) => dividends.findIndex((e) => e.year === d.year) === i),
    certificates: certificates.map((c) => ({
      bankName: c.bankName,
      issuedAt: c.issuedAt.toISOString(),
      status: CERTIFICATE_STATUS_LABELS[certificateStatus(c, now)],
      lookedAt: looks.filter((l) => l.certificateId === c.id).map((l) => l.at.toISOString()),
    })),
  }
}

/**
 * 解除绑定 by the member themselves: their WeChat binding ends; their subscriptions, messages, elder-mode
 * setting and (when they hold no staff role, whose records name them, and own no merchant) the name they gave go. The
 * household's ledger, dividends and roster, and the village's case records stay. Refused when the
 * caller is bound to no household; a repeat of the request returns the first answer.
 */
export async function withdraw(db: Db, openid: string, now = new Date()): Promise<WithdrawResult> {
  const caller = await loadCaller(db, openid)
  const [member] = await db
    .select({ id: householdMembers.id, household: households.headName, houseNo: households.houseNo })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(eq(householdMembers.openid, openid), eq(householdMembers.memberKind, 'household'), isNull(householdMembers.unboundAt)))
    .for('update')
  if (!member) throw new AppError('NOT_FOUND', '您的微信现在没有绑定哪一户，不用解除')
  await db.update(householdMembers).set({ unboundAt: now }).where(eq(householdMembers.id, member.id))
  await db.delete(subscriptionGrants).where(eq(subscriptionGrants.openid, openid))
  await db.delete(messages).where(eq(messages.openid, openid))
  await db.delete(remindersSent).where(eq(remindersSent.openid, openid))
  await db
    .update(users)
    .set(caller.grants.length === 0 && caller.merchantId === null ? { displayName: WITHDRAWN_NAME, elderMode: false } : { elderMode: false })
    .where(eq(users.openid, openid))
  return { household: `${member.houseNo} ${member.household}`, unboundAt: now.toISOString(), goes: WITHDRAW_GOES, stays: WITHDRAW_STAYS }
}
