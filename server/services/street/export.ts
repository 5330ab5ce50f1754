import { Workbook } from 'exceljs'
import type { StreetExport, StreetOverview } from '../../../src/core/contracts/street'
import { ORG_KIND_LABELS } from '../../../src/core/org'
import { fileTimestamp } from '../../../src/core/period'
import { STREET_COLUMNS } from '../../../src/core/street-columns'
import type { Db } from '../../store/database'
import { streetOverview } from './overview'

/**
 * 街道总览 as an .xlsx (server-side, like the dividend export): the table with the screen's own
 * column texts, the points by category, the 3.0 flows, the twelve months and, on a sheet of their own (never
 * in the villages' totals), the street's 商家自治联盟. Same access as the view.
 */
export async function exportStreetOverview(db: Db, openid: string, input: { orgId?: string; period: string }, now = new Date()): Promise<StreetExport> {
  const overview = await streetOverview(db, openid, input, now)
  const workbook = new Workbook()
  workbook.creator = '善治积分'
  workbook.created = now
  tableSheet(workbook, overview)
  categorySheet(workbook, overview)
  if (overview.flows.length > 0) flowSheet(workbook, overview)
  monthSheet(workbook, overview)
  if (overview.alliances.length > 0) allianceSheet(workbook, overview)
  return {
    fileName: `${overview.org.name}-总览-${overview.period}-${fileTimestamp(now)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64'),
  }
}

function titleOf(overview: StreetOverview): string {
  const period = overview.period.length === 4 ? `${overview.period}年` : `${overview.period.replace('-', '年')}月`
  return `${overview.org.name} ${period} 总览`
}

function tableSheet(workbook: Workbook, overview: StreetOverview) {
  const sheet = workbook.addWorksheet('总览', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] })
  sheet.getCell(1, 1).value = titleOf(overview)
  sheet.getCell(1, 1).font = { bold: true, size: 14 }
  const header = sheet.getRow(2)
  header.values = ['名称', '类别', ...STREET_COLUMNS.map((c) => c.label)]
  header.font = { bold: true }
  for (const row of overview.rows) sheet.addRow([row.org.name, ORG_KIND_LABELS[row.org.kind], ...STREET_COLUMNS.map((c) => c.text(row))])
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 14 : 12))
}

function categorySheet(workbook: Workbook, overview: StreetOverview) {
  const sheet = workbook.addWorksheet('分类积分')
  sheet.addRow(['名称', '类别', '加分', '扣分', '更正', '整改返还']).font = { bold: true }
  for (const row of overview.rows) {
    for (const c of row.categories) sheet.addRow([row.org.name, c.category, c.given, c.deducted, c.corrected, c.restored])
  }
}

function flowSheet(workbook: Workbook, overview: StreetOverview) {
  const sheet = workbook.addWorksheet('村社联动')
  sheet.addRow(['社区', '股东所在村', '住在社区的股东户', '社区评分流入村账户的积分']).font = { bold: true }
  for (const flow of overview.flows) sheet.addRow([flow.community.name, flow.village.name, flow.households, flow.points])
}

function monthSheet(workbook: Workbook, overview: StreetOverview) {
  const sheet = workbook.addWorksheet('月度走势')
  sheet.addRow(['名称', '项目', ...overview.months]).font = { bold: true }
  for (const row of overview.rows) {
    sheet.addRow([row.org.name, '加分', ...row.trend.given])
    sheet.addRow([row.org.name, '扣分', ...row.trend.deducted])
    sheet.addRow([row.org.name, '美丽积分(户均)', ...row.beauty])
  }
}

/** The alliances apart from the villages, as the screen lists them: merchants, owners bound, red and black now, the period's points. */
function allianceSheet(workbook: Workbook, overview: StreetOverview) {
  const sheet = workbook.addWorksheet('商家联盟')
  sheet.getCell(1, 1).value = `${titleOf(overview)}：商家的积分单独计算，不算进各村的数字`
  sheet.getCell(1, 1).font = { bold: true, size: 14 }
  const header = sheet.getRow(2)
  header.values = ['联盟', '商家数', '已绑定店主', '红榜（家）', '黑榜（家）', '加分', '扣分']
  header.font = { bold: true }
  for (const a of overview.alliances) sheet.addRow([a.org.name, a.merchants, a.boundOwners, a.red, a.black, a.given, a.deducted])
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 18 : 12))
}
