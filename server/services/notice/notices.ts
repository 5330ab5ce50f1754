import { and, eq, inArray, isNull, lt, or, gt, sql, type SQL } from 'drizzle-orm'
import type { BulletinView, ChannelSummary, NoticeView } from '../../../src/core/contracts/notice'
import { AppError } from '../../../src/core/errors'
import { formatLocalTime, localDay } from '../../../src/core/period'
import { mayActOn } from '../../../src/core/policy'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { householdIdsUnder, householdPlaces } from '../../store/household-views'
import { bulletins, households, ledgerEntries, notices, orgs, rules } from '../../store/schema'
import { loadCaller, othersThanOwn, type Caller } from '../shared/caller'
import { requirePointsPower } from '../shared/points-power'
import { requireVillageReader } from './access'
import { noticeViewById, selectNoticeViews } from './views'
import { notifyHouseholds } from '../shared/notifications'
import { readVillageSettings } from '../account/village-settings'
import { memberKindAt } from '../../../src/core/member-kind'
import type { OrgKind } from '../../../src/core/org'

const DAY = 24 * 3600 * 1000
const DEFAULT_RECTIFY_DAYS = 7

type Deduction = typeof ledgerEntries.$inferSelect

/** What opening one notice needs: the deduction, who opened it, what was wrong and its photos. */
type NoticeOpening = { deduction: Deduction; openedBy: string; problem: string; photos: string[]; days?: number; openedAt?: Date }

/**
 * Opens the rectification notices of deductions: each in the channel of its household's villager
 * group, with its rule's deadline, and tells each household. Called inside the transaction that
 * wrote the deductions (a restorable rule: the whole inspection at once, in a fixed number of
 * statements), or when a cadre chooses to open one for any deduction. Returns the notices' ids in
 * the given order.
 */
export async function openNoticesFor(db: Db, send: SendSubscribeMessage, openings: readonly NoticeOpening[]): Promise<number[]> {
  if (openings.length === 0) return []
  const ids = openings.map((o) => o.deduction.householdId)
  const found = await db.select().from(households).where(inArray(households.id, ids))
  const ruleIds = [...new Set(openings.map((o) => o.deduction.ruleId).filter((id): id is number => id !== null))]
  const ruleRows = ruleIds.length ? await db.select().from(rules).where(inArray(rules.id, ruleIds)) : []
  const values = openings.map((input) => {
    const { deduction } = input
    const household = found.find((h) => h.id === deduction.householdId)!
    const rule = ruleRows.find((r) => r.id === deduction.ruleId)
    const days = input.days ?? rule?.rectifyDays ?? DEFAULT_RECTIFY_DAYS
    return {
      householdId: household.id,
      villageId: household.villageId,
      channelOrgId: household.groupId ?? household.villageId,
      deductionEntryId: deduction.id,
      ruleId: deduction.ruleId,
      points: -deduction.points,
      problem: input.problem || rule?.title || deduction.note,
      photos: input.photos,
      deadline: new Date(deduction.createdAt.getTime() + days * DAY),
      status: 'open' as const,
      openedBy: input.openedBy,
      ...(input.openedAt ? { createdAt: input.openedAt } : {}),
    }
  })
  // Ids are drawn in VALUES order, so sorting by id gives the notices back in the order given.
  const opened = (await db.insert(notices).values(values).returning()).sort((a, b) => a.id - b.id)
  await notifyHouseholds(
    db,
    send,
    opened.map((notice, i) => {
      const item = ruleRows.find((r) => r.id === notice.ruleId)?.title ?? openings[i].problem
      return {
        householdId: notice.householdId,
        note: {
          title: '您家有一条整改通报',
          body: `${item}，扣 ${notice.points} 分。请在 ${formatLocalTime(notice.deadline)} 前整改并拍照提交，核验后积分返还。`,
          page: `pages/notices/detail?id=${notice.id}`,
          item,
        },
      }
    }),
  )
  return opened.map((notice) => notice.id)
}

/** A cadre's explicit choice: open a notice for a deduction whose rule did not open one. */
export async function openNotice(db: Db, openid: string, send: SendSubscribeMessage, input: { entryId: number; days?: number }): Promise<NoticeView> {
  const caller = await loadCaller(db, openid)
  const [deduction] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, input.entryId))
  if (!deduction) throw new AppError('NOT_FOUND', '没有找到这笔扣分')
  await requireScorerOf(db, caller, deduction)
  if (deduction.kind !== 'score' || deduction.points >= 0) throw new AppError('INVALID_INPUT', '只有扣分可以发整改通报')
  const [existing] = await db.select({ id: notices.id }).from(notices).where(eq(notices.deductionEntryId, deduction.id))
  if (existing) throw new AppError('NOTICE_STATE', '这笔扣分已经有整改通报了')
  const [reversed] = await db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.reversesEntryId, deduction.id))
  if (reversed) throw new AppError('ALREADY_REVERSED')
  const [id] = await openNoticesFor(db, send, [{ deduction, openedBy: openid, problem: deduction.note, photos: [], days: input.days }])
  return noticeViewById(db, id, caller)
}

/**
 * Scorers of the household's village open and verify the notices of its deductions; a community's
 * scorers only those of the deductions their community made.
 */
export async function requireScorerOf(db: Db, caller: Caller, deduction: { householdId: string; scorerOrgId: string | null }) {
  await requirePointsPower(db, caller, 'score', deduction, '只有负责这户的评分人员可以处理它的通报')
}

/** An open notice past its deadline at `now` (逾期, as shownStatus says). */
export function noticeOverdue(now: Date): SQL {
  return and(eq(notices.status, 'open'), lt(notices.deadline, now))!
}

/**
 * 整改核验's rows under an organisation at `now`: proof to check (待核验) and overdue notices (逾期) of
 * the members under it (a village's households, an alliance's merchants: memberKindAt). The one
 * definition of that work: the page lists these rows and 首页 and the clock's digest count them
 * (account/waiting.ts).
 */
export function noticesToCheckUnder(db: Db, caller: Caller, org: { path: string; kind: OrgKind }, now: Date): SQL {
  const members = householdIdsUnder(db, org.path, memberKindAt(org.kind))
  return and(inArray(notices.householdId, members), othersThanOwn(notices.householdId, caller), or(eq(notices.status, 'proof_submitted'), noticeOverdue(now)))!
}

/**
 * What waits for a scorer under an organisation: proof to check (待核验) and overdue notices (逾期),
 * of the households the caller may score there.
 */
export async function awaitingCheck(db: Db, openid: string, input: { orgId: string }, now = new Date()) {
  const caller = await loadCaller(db, openid)
  const [org] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个村或网格')
  if (!mayActOn(caller.grants, 'score', [org.path])) throw new AppError('FORBIDDEN', '您只能核验自己负责范围内的整改')
  const waiting = await selectNoticeViews(db, noticesToCheckUnder(db, caller, { path: org.path, kind: org.kind as OrgKind }, now), caller, now)
  return { toVerify: waiting.filter((n) => n.status === 'proof_submitted'), overdue: waiting.filter((n) => n.status === 'overdue') }
}

/** Open notices of a village not yet posted in a 通报: what a cadre batches at the end of the day. */
export async function bulletinCandidates(db: Db, openid: string, input: { orgId: string }): Promise<NoticeView[]> {
  const caller = await loadCaller(db, openid)
  await requirePoster(db, caller, input.orgId)
  return selectNoticeViews(db, and(eq(notices.villageId, input.orgId), isNull(notices.bulletinId), inArray(notices.status, ['open', 'proof_submitted'])), caller)
}

export async function postBulletin(
  db: Db,
  openid: string,
  input: { orgId: string; noticeIds: number[]; title?: string },
  now = new Date(),
): Promise<BulletinView> {
  const caller = await loadCaller(db, openid)
  const village = await requirePoster(db, caller, input.orgId)
  const chosen = await db.select().from(notices).where(inArray(notices.id, input.noticeIds)).for('update')
  if (chosen.length !== new Set(input.noticeIds).size) throw new AppError('NOT_FOUND', '有的通报找不到了，请刷新')
  if (chosen.some((n) => n.villageId !== village.id)) throw new AppError('FORBIDDEN', '只能通报本村的农户')
  if (chosen.some((n) => n.bulletinId !== null)) throw new AppError('NOTICE_STATE', '有的通报已经发过了，请刷新')
  const [bulletin] = await db
    .insert(bulletins)
    .values({ villageId: village.id, title: input.title ?? `${village.name}${localDay(now)}人居环境整改通报`, postedBy: openid, createdAt: now })
    .returning()
  await db.update(notices).set({ bulletinId: bulletin.id }).where(inArray(notices.id, input.noticeIds))
  return bulletinView(db, caller, bulletin.id)
}

async function requirePoster(db: Db, caller: Caller, villageId: string) {
  const [village] = await db.select().from(orgs).where(and(eq(orgs.id, villageId), eq(orgs.kind, 'village')))
  if (!village) throw new AppError('NOT_FOUND', '没有找到这个村')
  if (!mayActOn(caller.grants, 'decideScores', [village.path])) throw new AppError('FORBIDDEN', '只有本村的村干部可以发通报')
  return village
}

export async function bulletinView(db: Db, caller: Caller, bulletinId: number): Promise<BulletinView> {
  const [row] = await db
    .select({ bulletin: bulletins, village: orgs.name })
    .from(bulletins)
    .innerJoin(orgs, eq(orgs.id, bulletins.villageId))
    .where(eq(bulletins.id, bulletinId))
  if (!row) throw new AppError('NOT_FOUND', '没有找到这期通报')
  await requireVillageReader(db, caller, row.bulletin.villageId)
  return {
    id: row.bulletin.id,
    village: row.village,
    title: row.bulletin.title,
    postedAt: row.bulletin.createdAt.toISOString(),
    notices: await selectNoticeViews(db, eq(notices.bulletinId, bulletinId), caller),
  }
}

export async function readBulletin(db: Db, openid: string, input: { bulletinId: number }) {
  return bulletinView(db, await loadCaller(db, openid), input.bulletinId)
}

/**
 * A channel (a villager group, or a village) as its members read it: open and overdue notices stay;
 * rectified ones leave after the village's configured number of days; withdrawn ones leave at once.
 */
export async function readChannel(db: Db, openid: string, input: { orgId: string }) {
  const caller = await loadCaller(db, openid)
  const [channel] = await db.select().from(orgs).where(eq(orgs.id, input.orgId))
  if (!channel || !['villager_group', 'village'].includes(channel.kind)) throw new AppError('NOT_FOUND', '没有找到这个通报群')
  const villageId = channel.kind === 'village' ? channel.id : channel.parentId!
  await requireVillageReader(db, caller, villageId)
  const inChannel = channel.kind === 'village' ? eq(notices.villageId, channel.id) : eq(notices.channelOrgId, channel.id)
  return { channel: { id: channel.id, name: channel.name }, notices: await selectNoticeViews(db, and(inChannel, await stillOnBoard(db, villageId)), caller) }
}

/**
 * The notices a village's board shows now: open and overdue ones stay; rectified ones leave after the
 * village's configured number of days; withdrawn ones leave at once.
 */
export async function stillOnBoard(db: Db, villageId: string): Promise<SQL> {
  const visibleSince = new Date(Date.now() - (await readVillageSettings(db, villageId)).rectifiedVisibleDays * DAY)
  return or(inArray(notices.status, ['open', 'proof_submitted']), and(eq(notices.status, 'rectified'), gt(notices.rectifiedAt, visibleSince)))!
}

/**
 * The village a caller means without naming one: their household's, else the one village their
 * roles lie in or over (a grid leader's, a cadre's, a shop clerk's); none when that is not one village.
 */
async function ownVillageId(db: Db, caller: Caller): Promise<string | undefined> {
  if (caller.householdId) return (await householdPlaces(db, [caller.householdId])).get(caller.householdId)?.villageId
  const villages = new Set<string>()
  for (const { org } of caller.grants) {
    const related = await db
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.kind, 'village'), or(sql`starts_with(${org.path}, ${orgs.path})`, sql`starts_with(${orgs.path}, ${org.path})`)))
    for (const village of related) villages.add(village.id)
  }
  return villages.size === 1 ? [...villages][0] : undefined
}

/** The channels of my village (or a village in my scope), each with how many notices wait. */
export async function listChannels(db: Db, openid: string, input: { orgId?: string }, now = new Date()): Promise<ChannelSummary[]> {
  const caller = await loadCaller(db, openid)
  const villageId = input.orgId ?? (await ownVillageId(db, caller))
  if (!villageId) throw new AppError('INVALID_INPUT', '您负责的不止一个村，请从村里的页面打开整改通报')
  await requireVillageReader(db, caller, villageId)
  const rows = await db
    .select({
      id: orgs.id,
      name: orgs.name,
      open: sql<number>`count(${notices.id}) filter (where ${notices.status} in ('open','proof_submitted') and ${notices.deadline} >= ${now.toISOString()})`.mapWith(Number),
      overdue: sql<number>`count(${notices.id}) filter (where ${notices.status} = 'open' and ${notices.deadline} < ${now.toISOString()})`.mapWith(Number),
      rectified: sql<number>`count(${notices.id}) filter (where ${notices.status} = 'rectified')`.mapWith(Number),
    })
    .from(orgs)
    .leftJoin(notices, eq(notices.channelOrgId, orgs.id))
    .where(and(eq(orgs.parentId, villageId), eq(orgs.kind, 'villager_group')))
    .groupBy(orgs.id, orgs.name)
    .orderBy(orgs.name)
  return rows
}

/** My household's notices (and my merchant's), in full. */
export async function myNotices(db: Db, openid: string): Promise<NoticeView[]> {
  const caller = await loadCaller(db, openid)
  const own = [caller.householdId, caller.merchantId].filter((id): id is string => id !== null)
  if (own.length === 0) return []
  return selectNoticeViews(db, inArray(notices.householdId, own), caller)
}

export async function noticeDetail(db: Db, openid: string, input: { noticeId: number }): Promise<NoticeView> {
  const caller = await loadCaller(db, openid)
  const [notice] = await db.select({ villageId: notices.villageId }).from(notices).where(eq(notices.id, input.noticeId))
  if (!notice) throw new AppError('NOT_FOUND', '没有找到这条通报')
  await requireVillageReader(db, caller, notice.villageId)
  return noticeViewById(db, input.noticeId, caller)
}
