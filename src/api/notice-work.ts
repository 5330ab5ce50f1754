import type { Envelope } from '../core/contracts/envelope'
import type {
  BulletinView,
  NoticeOutputs,
  NoticeStats,
  NoticeView,
} from '../core/contracts/notice'
import { callFunction } from './call-function'

// The staff's notice work (the notice cloud function): 整改核验, 延期, 发通报, the numbers.

/** What waits for a scorer under an organisation: proof to check and overdue notices. */
export function noticesAwaitingCheck(orgId: string): Promise<Envelope<NoticeOutputs['awaitingCheck']>> {
  return callFunction('notice', 'awaitingCheck', { orgId })
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

export function noticeStats(orgId: string, period: string): Promise<Envelope<NoticeStats>> {
  return callFunction('notice', 'stats', { orgId, period })
}
