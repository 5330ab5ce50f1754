import { eq } from 'drizzle-orm'
import type { NoticeView } from '../../../src/core/contracts/notice'
import { AppError } from '../../../src/core/errors'
import { formatLocalTime } from '../../../src/core/period'
import { nextNoticeState, type NoticeAction, type NoticeStatus } from '../../../src/core/rectification'
import { requireCleanText, type ContentCheck } from '../../platform/content-check'
import type { StartMediaCheck } from '../../platform/media-check'
import type { SendSubscribeMessage } from '../../platform/subscribe-message'
import type { Db } from '../../store/database'
import { appendLedgerEntry } from '../../store/ledger'
import { ledgerEntries, notices } from '../../store/schema'
import { isOwnMember, loadCaller } from '../shared/caller'
import { requirePointsPower } from '../shared/points-power'
import { noticeViewById, type NoticeRow } from './views'
import { requireScorerOf } from './notices'
import { notifyHousehold } from '../shared/notifications'
import { requestPhotoChecks } from '../shared/photo-checks'
import { refuseOthersPhotos } from '../shared/photo-folder'

const DAY = 24 * 3600 * 1000

/** Locks the notice row for the rest of the transaction: verifications of one notice queue up. */
/** Whose the notice's deduction is: the household, and the organisation that scored it. */
async function deductionOf(db: Db, notice: NoticeRow): Promise<{ householdId: string; scorerOrgId: string | null }> {
  const [deduction] = await db.select({ scorerOrgId: ledgerEntries.scorerOrgId }).from(ledgerEntries).where(eq(ledgerEntries.id, notice.deductionEntryId))
  return { householdId: notice.householdId, scorerOrgId: deduction?.scorerOrgId ?? null }
}

async function lockNotice(db: Db, noticeId: number): Promise<NoticeRow> {
  const [notice] = await db.select().from(notices).where(eq(notices.id, noticeId)).for('update')
  if (!notice) throw new AppError('NOT_FOUND', '没有找到这条通报')
  return notice
}

function transition(notice: NoticeRow, action: NoticeAction, now: Date) {
  const next = nextNoticeState({ status: notice.status as NoticeStatus, deadline: notice.deadline }, action, now)
  if (!next.ok) throw new AppError('NOTICE_STATE', next.reason)
  return next
}

/** The household shows it has rectified: photos and a note, waiting for a scorer's check. */
export async function submitProof(
  db: Db,
  openid: string,
  platform: { contentCheck: ContentCheck; startMediaCheck: StartMediaCheck | null },
  input: { noticeId: number; photos: string[]; note?: string },
  now = new Date(),
): Promise<NoticeView> {
  const caller = await loadCaller(db, openid)
  refuseOthersPhotos(openid, input.photos)
  const notice = await lockNotice(db, input.noticeId)
  if (!isOwnMember(caller, notice.householdId)) throw new AppError('FORBIDDEN', '只有这户的家里人（或这家店的店主）可以提交整改')
  transition(notice, { type: 'submitProof' }, now)
  await requireCleanText(platform.contentCheck, input.note, openid)
  await db
    .update(notices)
    .set({ status: 'proof_submitted', proofPhotos: input.photos, proofNote: input.note ?? '', proofBy: openid, proofAt: now })
    .where(eq(notices.id, notice.id))
  // The scorers checking the proof see it at once; WeChat's check decides whether anyone else may.
  if (platform.startMediaCheck) await requestPhotoChecks(db, platform.startMediaCheck, input.photos, openid, now)
  return noticeViewById(db, notice.id, caller)
}

/**
 * A scorer of the household's scope checks the proof. Accepting gives the deducted points back by
 * one 'restoration' entry reversing the deduction — at most once, even under retries or two scorers
 * at the same moment: the notice row is locked, and the ledger's unique reverses_entry_id backs it.
 */
export async function verifyProof(
  db: Db,
  openid: string,
  send: SendSubscribeMessage,
  input: { noticeId: number; accept: boolean; reason?: string },
  now = new Date(),
): Promise<NoticeView> {
  const caller = await loadCaller(db, openid)
  const notice = await lockNotice(db, input.noticeId)
  await requireScorerOf(db, caller, await deductionOf(db, notice))
  transition(notice, { type: input.accept ? 'accept' : 'reject' }, now)
  if (input.accept) {
    // The points go back under the deduction's rule and scorer, so 3.0's flows and the dividend's
    // points by origin net them against the deduction.
    const [deduction] = await db.select({ scorerOrgId: ledgerEntries.scorerOrgId }).from(ledgerEntries).where(eq(ledgerEntries.id, notice.deductionEntryId))
    const restoration = await appendLedgerEntry(db, {
      householdId: notice.householdId,
      points: notice.points,
      kind: 'restoration',
      note: '整改完成，扣分返还',
      actorOpenid: openid,
      at: now,
      reversesEntryId: notice.deductionEntryId,
      ruleId: notice.ruleId,
      scorerOrgId: deduction.scorerOrgId,
    })
    await db
      .update(notices)
      .set({ status: 'rectified', verifiedBy: openid, rectifiedAt: now, restorationEntryId: restoration.id, rejectionReason: '' })
      .where(eq(notices.id, notice.id))
  } else {
    await db.update(notices).set({ status: 'open', verifiedBy: openid, rejectionReason: input.reason ?? '' }).where(eq(notices.id, notice.id))
  }
  await notifyHousehold(db, send, notice.householdId, {
    title: input.accept ? '整改已核验，积分已返还' : '整改没有通过，请再整改',
    body: input.accept ? `“${notice.problem}”已整改，返还 ${notice.points} 分。` : `“${notice.problem}”：${input.reason}。请在 ${formatLocalTime(notice.deadline)} 前重新提交。`,
    page: `pages/notices/detail?id=${notice.id}`,
    item: notice.problem,
  })
  return noticeViewById(db, notice.id, caller)
}

/** A cadre gives more time: an overdue notice becomes open again with the new deadline. */
export async function extendNotice(db: Db, openid: string, input: { noticeId: number; days: number }): Promise<NoticeView> {
  const caller = await loadCaller(db, openid)
  const notice = await lockNotice(db, input.noticeId)
  await requirePointsPower(db, caller, 'decideScores', await deductionOf(db, notice), '只有本村的村干部可以延期')
  const now = new Date()
  const next = transition(notice, { type: 'extend', deadline: new Date(now.getTime() + input.days * DAY) }, now)
  await db.update(notices).set({ deadline: next.state.deadline }).where(eq(notices.id, notice.id))
  return noticeViewById(db, notice.id, caller)
}

/** A deduction overturned on appeal (or reversed by a cadre) withdraws its notice: nothing is left to rectify. */
export async function withdrawNoticeOf(db: Db, deductionEntryId: number, now = new Date()): Promise<void> {
  const [notice] = await db.select().from(notices).where(eq(notices.deductionEntryId, deductionEntryId)).for('update')
  if (!notice) return
  transition(notice, { type: 'withdraw' }, now)
  await db.update(notices).set({ status: 'withdrawn' }).where(eq(notices.id, notice.id))
}
