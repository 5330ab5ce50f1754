import { Workbook } from 'exceljs'
import type { DividendExport, RunSummary } from '../../../src/core/contracts/dividend'
import { describeMethod } from '../../../src/core/dividend/incentive-methods'
import { AppError } from '../../../src/core/errors'
import { formatYuan } from '../../../src/core/money'
import { formatLocalTime } from '../../../src/core/period'
import type { Db } from '../../store/database'
import { selectRunLines, selectRunSummary } from '../../store/dividend-store'
import type { PointsOrigin } from '../../store/schema'
import { loadCaller } from '../shared/caller'
import { loadVillage, mayRunDividend } from './access'

type ExportLine = Awaited<ReturnType<typeof selectRunLines>>[number]

const HEADERS = ['序号', '门牌', '户主', '股数', '全年积分', '股份分红（元）', '积分激励（元）', '合计（元）', '积分来源']

/**
 * A run as a file for the cooperative's books and the bank transfer: an .xlsx workbook (the list
 * and the rules) or a UTF-8 CSV. Only the cooperative's accountant and cadres may export.
 */
export async function exportRun(db: Db, openid: string, input: { runId: number; format: 'xlsx' | 'csv' }): Promise<DividendExport> {
  const caller = await loadCaller(db, openid)
  const run = await selectRunSummary(db, input.runId)
  if (!run) throw new AppError('NOT_FOUND', '没有找到这份分红方案')
  if (!mayRunDividend(caller, await loadVillage(db, run.village.id))) {
    throw new AppError('FORBIDDEN', '只有本村合作社会计或村干部可以导出分红表')
  }
  const lines = await selectRunLines(db, run.id)
  const baseName = `${run.cooperative}-${run.year}年度分红-${run.status === 'draft' ? '草稿' : '公示'}-${run.id}`
  if (input.format === 'csv') {
    return { fileName: `${baseName}.csv`, mimeType: 'text/csv;charset=utf-8', base64: Buffer.from(csvOf(lines), 'utf8').toString('base64') }
  }
  return {
    fileName: `${baseName}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(await workbookOf(run, lines)).toString('base64'),
  }
}

function titleOf(run: RunSummary): string {
  const state = run.status === 'draft' ? '草稿，未公示' : `已公示 ${formatLocalTime(run.publishedAt!)}`
  return `${run.cooperative} ${run.year}年度分红明细（${state}）`
}

function poolsOf(run: RunSummary): string {
  return (
    `分红总额 ${formatYuan(run.totalFen)} 元 = 股份分红 ${formatYuan(run.basicFen)} 元 + 积分激励 ${formatYuan(run.incentiveFen)} 元；` +
    `积分激励：${run.methodLabel}；共 ${run.householdCount} 户、${run.totalShares} 股；方案编号 ${run.id}`
  )
}

function originText(origin: readonly PointsOrigin[]): string {
  return origin.map((o) => `${o.orgName} ${o.points}分`).join('；')
}

async function workbookOf(run: RunSummary, lines: readonly ExportLine[]): Promise<ArrayBuffer> {
  const workbook = new Workbook()
  workbook.creator = '善治积分'
  workbook.created = new Date(run.createdAt)
  const sheet = workbook.addWorksheet('分红明细', { views: [{ state: 'frozen', ySplit: 4 }] })
  sheet.columns = [6, 12, 12, 8, 10, 16, 16, 16, 30].map((width) => ({ width }))
  sheet.mergeCells(1, 1, 1, HEADERS.length)
  sheet.getCell(1, 1).value = titleOf(run)
  sheet.getCell(1, 1).font = { bold: true, size: 14 }
  sheet.mergeCells(2, 1, 2, HEADERS.length)
  sheet.getCell(2, 1).value = poolsOf(run)
  if (run.supersedesRunId) {
    sheet.mergeCells(3, 1, 3, HEADERS.length)
    sheet.getCell(3, 1).value = `本表更正第 ${run.supersedesRunId} 号方案，原因：${run.correctionNote}`
  }
  const header = sheet.getRow(4)
  header.values = HEADERS
  header.font = { bold: true }
  lines.forEach((line, i) => {
    sheet.addRow([
      i + 1,
      line.houseNo,
      line.headName,
      line.shares,
      line.points,
      line.basicFen / 100,
      line.incentiveFen / 100,
      line.totalFen / 100,
      originText(line.pointsOrigin),
    ])
  })
  const total = sheet.addRow(['合计', '', `${lines.length} 户`, run.totalShares, '', run.basicFen / 100, run.incentiveFen / 100, run.totalFen / 100, ''])
  total.font = { bold: true }
  for (const column of [6, 7, 8]) sheet.getColumn(column).numFmt = '#,##0.00'

  const rules = workbook.addWorksheet('分配办法')
  rules.getColumn(1).width = 100
  for (const text of [titleOf(run), poolsOf(run), '', ...describeMethod(run.method)]) rules.addRow([text])
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>
}

/** UTF-8 with a BOM (so Excel reads the Chinese), CRLF lines, amounts in yuan with 2 decimals. */
function csvOf(lines: readonly ExportLine[]): string {
  const rows = [HEADERS]
  lines.forEach((line, i) => {
    rows.push([
      String(i + 1),
      line.houseNo,
      line.headName,
      String(line.shares),
      String(line.points),
      plainYuan(line.basicFen),
      plainYuan(line.incentiveFen),
      plainYuan(line.totalFen),
      originText(line.pointsOrigin),
    ])
  })
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

function plainYuan(fen: number): string {
  return formatYuan(fen).replace(/,/g, '')
}

/** Quotes a cell when needed; text a spreadsheet would run as a formula is kept as text. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
