import { desc, eq, inArray, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { mayActOn, type Grant } from '../../../src/core/policy'
import type { NoticeView } from '../../../src/core/contracts/notice'
import { maskName } from '../../../src/core/mask'
import type { MemberKind } from '../../../src/core/member-kind'
import { photosSeenBy, type PhotoLooker } from '../../../src/core/photo-check'
import { NOTICE_STATUS_LABELS, shownStatus, type NoticeStatus } from '../../../src/core/rectification'
import type { RuleCategory } from '../../../src/core/rules'
import type { Db } from '../../store/database'
import { households, notices, orgs, rules } from '../../store/schema'
import { photoChecksOf } from '../shared/photo-checks'

const channel = alias(orgs, 'notice_channel')
const village = alias(orgs, 'notice_village')
const microGrid = alias(orgs, 'notice_micro_grid')
const community = alias(orgs, 'notice_community')
const HOUR = 3600 * 1000

export type NoticeRow = typeof notices.$inferSelect

/**
 * Who is looking decides how much they see: the household itself (or the merchant's owner) and staff in
 * scope see everything. A merchant is shown by its trade name (public), never its owner's name.
 */
export type Viewer = { openid: string; householdId: string | null; merchantId?: string | null; grants: readonly Grant[] }

export async function selectNoticeViews(db: Db, where: SQL | undefined, viewer: Viewer, now = new Date()): Promise<NoticeView[]> {
  const rows = await db
    .select({
      notice: notices,
      name: households.headName,
      houseNo: households.houseNo,
      tradeName: households.tradeName,
      memberKind: households.memberKind,
      channelName: channel.name,
      paths: { channel: channel.path, village: village.path, microGrid: microGrid.path, community: community.path },
      rule: { title: rules.title, category: rules.category },
    })
    .from(notices)
    .innerJoin(households, eq(households.id, notices.householdId))
    .innerJoin(channel, eq(channel.id, notices.channelOrgId))
    .innerJoin(village, eq(village.id, notices.villageId))
    .leftJoin(microGrid, eq(microGrid.id, households.microGridId))
    .leftJoin(community, eq(community.id, households.communityId))
    .leftJoin(rules, eq(rules.id, notices.ruleId))
    .where(where)
    .orderBy(desc(notices.id))
    .limit(200)
  const checks = await photoChecksOf(db, rows.flatMap(({ notice }) => [...notice.photos, ...notice.proofPhotos]))
  return rows.map(({ notice, name, houseNo, tradeName, memberKind, channelName, paths, rule }) => {
    const mine = notice.householdId === viewer.householdId || notice.householdId === viewer.merchantId
    const householdPaths = [paths.channel, paths.village, paths.microGrid, paths.community].filter((p): p is string => p !== null)
    const staff = mayActOn(viewer.grants, 'viewHouseholds', householdPaths)
    const full = mine || staff
    // Photos others see wait for WeChat's check: the scorer's inspection photos on the public channel,
    // the household's proof before staff. Their uploader and the staff acting on the notice see them meanwhile.
    const looker: PhotoLooker = { openid: viewer.openid, concerned: mine, actingStaff: staff, streetAdmin: mayActOn(viewer.grants, 'viewStreet', householdPaths) }
    const seen = photosSeenBy(notice.photos, checks, looker)
    const status = shownStatus({ status: notice.status as NoticeStatus, deadline: notice.deadline }, now)
    return {
      id: notice.id,
      householdLabel: tradeName ? `${channelName} ${tradeName}` : full ? `${houseNo} ${name}` : `${channelName} ${maskName(name)}`,
      publicLabel: tradeName ? `${channelName} ${tradeName}` : `${channelName} ${maskName(name)}`,
      householdId: full ? notice.householdId : null,
      memberKind: memberKind as MemberKind,
      masked: !full,
      mine,
      channel: { id: notice.channelOrgId, name: channelName },
      rule: rule?.title ? { title: rule.title, category: rule.category as RuleCategory } : null,
      problem: notice.problem,
      ...seen,
      points: notice.points,
      deadline: notice.deadline.toISOString(),
      status,
      statusLabel: NOTICE_STATUS_LABELS[status],
      openedAt: notice.createdAt.toISOString(),
      rectifiedAt: notice.rectifiedAt?.toISOString() ?? null,
      hoursToRectify: notice.rectifiedAt ? Math.round((notice.rectifiedAt.getTime() - notice.createdAt.getTime()) / HOUR) : null,
      rejectionReason: notice.rejectionReason,
      proof: full ? { ...photosSeenBy(notice.proofPhotos, checks, looker), note: notice.proofNote, at: notice.proofAt?.toISOString() ?? null } : null,
      bulletinId: notice.bulletinId,
      deductionEntryId: full ? notice.deductionEntryId : null,
    }
  })
}

export async function noticeViewById(db: Db, id: number, viewer: Viewer): Promise<NoticeView> {
  const [view] = await selectNoticeViews(db, inArray(notices.id, [id]), viewer)
  return view
}
