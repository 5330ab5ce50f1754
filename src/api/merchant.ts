import type { MerchantView } from '../core/contracts/account'
import type { Envelope } from '../core/contracts/envelope'
import type { BoardView, CommendationsView, MerchantList, OpenedTraining, SignInResult, StarRatingsView, StarTermsPage, StarTermsView, YearExport, YearView } from '../core/contracts/merchant'
import type { ShownOnce } from '../core/contracts/shown-once'
import { callFunction } from './call-function'
import type { ActionParams } from './function-contracts'

/** 商家入盟: the committee adds a merchant to its alliance. */
export function addMerchant(input: ActionParams<'merchant', 'add'>): Promise<Envelope<MerchantView>> {
  return callFunction('merchant', 'add', input)
}

/** 联盟商家: an alliance's merchants. */
export function merchants(allianceId: string): Promise<Envelope<MerchantList>> {
  return callFunction('merchant', 'list', { allianceId })
}

/** 我要反映: a customer's concern about a merchant, for its alliance's committee. */
export function raiseConcern(requestId: string, merchantId: string, text: string): Promise<Envelope<{ received: true; tradeName: string }>> {
  return callFunction('merchant', 'concern', { requestId, merchantId, text })
}

/** 红黑榜: a street's or an alliance's, optionally one trade. */
export function redBlackBoard(input: ActionParams<'merchant', 'board'>): Promise<Envelope<BoardView>> {
  return callFunction('merchant', 'board', input)
}

/** 评星标准: the alliance's published star terms, newest version first (public). */
export function starTerms(allianceId: string): Promise<Envelope<StarTermsPage>> {
  return callFunction('merchant', 'starTerms', { allianceId })
}

/** 发布新的一版评星标准: the committee's, from a day on; earlier versions stay as they were. */
export function publishStarTerms(input: ActionParams<'merchant', 'publishStarTerms'>): Promise<Envelope<StarTermsView>> {
  return callFunction('merchant', 'publishStarTerms', input)
}

export function rateStars(requestId: string, allianceId: string, period: string): Promise<Envelope<StarRatingsView>> {
  return callFunction('merchant', 'rateStars', { requestId, allianceId, period })
}

/** 开培训: the answer carries the sign-in code the first time only. */
export function openTraining(requestId: string, allianceId: string, title: string, hours: number): Promise<Envelope<ShownOnce<OpenedTraining>>> {
  return callFunction('merchant', 'openTraining', { requestId, allianceId, title, hours })
}

/** 培训签到: what a merchant's owner scanned or typed. */
export function signInTraining(requestId: string, code: string): Promise<Envelope<SignInResult>> {
  return callFunction('merchant', 'signIn', { requestId, code })
}

export function allianceYear(allianceId: string, year: number): Promise<Envelope<YearView>> {
  return callFunction('merchant', 'year', { allianceId, year })
}

/** 表彰榜: the year's commended merchants of a street's alliances or of one alliance; public. */
export function commendations(orgId: string, year: number): Promise<Envelope<CommendationsView>> {
  return callFunction('merchant', 'commendations', { orgId, year })
}

/** 年度表彰 .xlsx, for the committee's books. */
export function exportYear(allianceId: string, year: number): Promise<Envelope<YearExport>> {
  return callFunction('merchant', 'exportYear', { allianceId, year })
}
