import type { Envelope } from '../core/contracts/envelope'
import type { BulletinView, ChannelSummary, MessageView, NoticeOutputs, NoticeStats, NoticeView } from '../core/contracts/notice'
import { callFunction } from './call-function'

/** The group channels of my village (or of a village in my scope), with how many notices each holds. */
export function noticeChannels(orgId?: string): Promise<Envelope<ChannelSummary[]>> {
  return callFunction('notice', 'channels', orgId ? { orgId } : {})
}

/** One channel (a villager group, or a whole village) as its members read it. */
export function noticeChannel(orgId: string): Promise<Envelope<NoticeOutputs['channel']>> {
  return callFunction('notice', 'channel', { orgId })
}

/** What waits for a scorer under an organisation: proof to check and overdue notices. */
export function noticesAwaitingCheck(orgId: string): Promise<Envelope<NoticeOutputs['awaitingCheck']>> {
  return callFunction('notice', 'awaitingCheck', { orgId })
}

/** 我家的通报: every notice of the caller's household (none for a caller without one). */
export function myNotices(): Promise<Envelope<NoticeView[]>> {
  return callFunction('notice', 'mine', {})
}

export function noticeDetail(noticeId: number): Promise<Envelope<NoticeView>> {
  return callFunction('notice', 'detail', { noticeId })
}

/** 提交整改: photos (file ids from uploadPhoto) and a note; the notice becomes 待核验. */
export function submitNoticeProof(input: { requestId: string; noticeId: number; photos: string[]; note?: string }): Promise<Envelope<NoticeView>> {
  return callFunction('notice', 'submitProof', input)
}

/** 核验: accept (points come back once) or send back with a reason. */
export function verifyNotice(input: { requestId: string; noticeId: number; accept: boolean; reason?: string }): Promise<Envelope<NoticeView>> {
  return callFunction('notice', 'verify', input)
}

/** 延期: a new deadline `days` from now. */
export function extendNotice(input: { requestId: string; noticeId: number; days: number }): Promise<Envelope<NoticeView>> {
  return callFunction('notice', 'extend', input)
}

/** Open notices of a village not yet posted in a 通报. */
export function bulletinCandidates(orgId: string): Promise<Envelope<NoticeView[]>> {
  return callFunction('notice', 'candidates', { orgId })
}

export function postBulletin(input: { requestId: string; orgId: string; noticeIds: number[]; title?: string }): Promise<Envelope<BulletinView>> {
  return callFunction('notice', 'postBulletin', input)
}

export function readBulletin(bulletinId: number): Promise<Envelope<BulletinView>> {
  return callFunction('notice', 'bulletin', { bulletinId })
}

/** A 通报 card opened from a WeChat group: `cloudId` from getGroupEnterInfo (H5 demo: "local-group:<name>"). */
export function openBulletinFromGroup(input: { requestId: string; bulletinId: number; cloudId: string }): Promise<Envelope<BulletinView>> {
  return callFunction('notice', 'openFromGroup', input)
}

export function noticeStats(orgId: string, period: string): Promise<Envelope<NoticeStats>> {
  return callFunction('notice', 'stats', { orgId, period })
}

export function myMessages(beforeId?: number): Promise<Envelope<{ messages: MessageView[]; unread: number; nextBeforeId: number | null }>> {
  return callFunction('notice', 'messages', beforeId ? { beforeId } : {})
}

export function markMessagesRead(requestId: string, ids: number[]): Promise<Envelope<{ read: number }>> {
  return callFunction('notice', 'markRead', { requestId, ids })
}

/** Counts the subscribe messages the user just allowed (each is good for one message). */
export function grantNoticeSubscription(requestId: string, granted: number): Promise<Envelope<{ available: number }>> {
  return callFunction('notice', 'grantSubscription', { requestId, template: 'notice', granted })
}
