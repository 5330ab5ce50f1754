import { Workbook } from 'exceljs'
import { and, asc, eq, like } from 'drizzle-orm'
import type { YearExport, YearView } from '../../../src/core/contracts/merchant'
import type { MerchantCategory } from '../../../src/core/member-kind'
import { commendationOf, type YearRating } from '../../../src/core/merchant/commendation'
import { bandReached, starText } from '../../../src/core/merchant/star-terms'
import { formatYuan } from '../../../src/core/money'
import type { Db } from '../../store/database'
import { allianceStarTerms, households, starRatings } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { orgRef } from '../org/org-scope'
import { allianceInScope } from './merchants'

/**
 * 年度表彰: each merchant of the alliance with its ratings of the year, commended or not and why, and its
 * reward in fen by the bands of the terms its latest rating used. For the committee, its inspectors
 * and the street's admin; the list is what the committee publishes and pays.
 */
export async function allianceYear(db: Db, openid: string, input: { allianceId: string; year: number }): Promise<YearView> {
  const caller = await loadCaller(db, openid)
  const alliance = await allianceInScope(db, caller, input.allianceId, 'viewHouseholds')
  return yearOf(db, alliance, input.year)
}

/** The year of one alliance, whoever asks: the caller's scope is checked by the action that reads it. */
export async function yearOf(db: Db, alliance: { id: string; name: string; kind: string }, year: number): Promise<YearView> {
  const merchants = await db
    .select({ id: households.id, tradeName: households.tradeName, trade: households.category })
    .from(households)
    .where(and(eq(households.villageId, alliance.id), eq(households.memberKind, 'merchant')))
    .orderBy(asc(households.tradeName), asc(households.id))
  const rows = await db
    .select({ rating: starRatings, terms: allianceStarTerms })
    .from(starRatings)
    .innerJoin(allianceStarTerms, eq(allianceStarTerms.id, starRatings.termsId))
    .where(and(eq(starRatings.allianceId, alliance.id), like(starRatings.period, `${year}-%`)))
  const ratingsOf = new Map<string, YearRating[]>()
  for (const { rating, terms } of rows) {
    const list = ratingsOf.get(rating.merchantId) ?? []
    list.push({ period: rating.period, stars: rating.stars, redMinStars: terms.redMinStars, rewardFen: bandReached(terms.bands, rating.points)?.rewardFen ?? 0 })
    ratingsOf.set(rating.merchantId, list)
  }
  const entries = merchants
    .map((m) => ({ merchantId: m.id, tradeName: m.tradeName!, trade: m.trade as MerchantCategory, ...commendationOf(ratingsOf.get(m.id) ?? []) }))
    .sort((a, b) => Number(b.commended) - Number(a.commended) || (b.latestStars ?? -1) - (a.latestStars ?? -1))
  const commended = entries.filter((e) => e.commended)
  return { alliance: orgRef(alliance), year, entries, commended: commended.length, totalRewardFen: commended.reduce((sum, e) => sum + e.rewardFen, 0) }
}

const HEADERS = ['序号', '字号', '业态', '评比次数', '最近星级', '是否表彰', '奖励（元）', '说明']

/** The year's list as an .xlsx workbook, with the screen's own words: for the committee's books and the transfer. */
export async function exportAllianceYear(db: Db, openid: string, input: { allianceId: string; year: number }): Promise<YearExport> {
  const view = await allianceYear(db, openid, input)
  const workbook = new Workbook()
  workbook.creator = '善治积分'
  const sheet = workbook.addWorksheet('年度表彰', { views: [{ state: 'frozen', ySplit: 3 }] })
  sheet.columns = [6, 18, 8, 10, 12, 10, 14, 30].map((width) => ({ width }))
  sheet.mergeCells(1, 1, 1, HEADERS.length)
  sheet.getCell(1, 1).value = `${view.alliance.name} ${view.year}年度表彰与奖励`
  sheet.getCell(1, 1).font = { bold: true, size: 14 }
  sheet.mergeCells(2, 1, 2, HEADERS.length)
  sheet.getCell(2, 1).value = `表彰 ${view.commended} 家，奖励合计 ${formatYuan(view.totalRewardFen)} 元`
  const header = sheet.getRow(3)
  header.values = HEADERS
  header.font = { bold: true }
  view.entries.forEach((e, i) =>
    sheet.addRow([i + 1, e.tradeName, e.trade, e.ratings, e.latestStars === null ? '未评' : starText(e.latestStars), e.commended ? '表彰' : '', e.commended ? formatYuan(e.rewardFen) : '', e.why]),
  )
  return {
    fileName: `${view.alliance.name}-${view.year}年度表彰.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
  }
}
