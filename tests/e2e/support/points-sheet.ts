import { Workbook } from 'exceljs'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { visibleText } from './ui'

/** 纸质积分导入's template, downloaded with its button, as rows of text. */
export async function downloadTemplate(page: Page): Promise<string[][]> {
  const [file] = await Promise.all([page.waitForEvent('download'), visibleText(page, '下载模板').click()])
  const workbook = new Workbook()
  await workbook.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer)
  const rows: string[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))))
  return rows
}

/**
 * The template as a cadre fills it in: `households` by 门牌 and `totals` (the paper's 合计) by group,
 * each a map from column header to what is typed; every other row as it came.
 */
export async function filledTemplate(
  template: readonly string[][],
  households: Record<string, Record<string, string>>,
  totals: Record<string, Record<string, string>>,
): Promise<Buffer> {
  const header = template[0]
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet('纸质积分')
  for (const row of template) {
    const wanted = row[0] === '合计' ? totals[row[2] ?? ''] : households[row[0]]
    sheet.addRow(wanted ? header.map((column, i) => wanted[column] ?? row[i] ?? '') : row)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Chooses a filled-in sheet with the page's file button. */
export async function chooseSheet(page: Page, button: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await visibleText(page, button).click()
  await (await chooser).setFiles({ name: '赵家桥村纸质积分.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer })
}

/** Three rows a preview must refuse, by 门牌: a word for a number, a 户主 not on the roster, a negative balance. */
export function threeBadRows(houseNos: readonly [string, string, string]): Record<string, Record<string, string>> {
  return {
    [houseNos[0]]: { 结转余额: '八十' },
    [houseNos[1]]: { 结转余额: '9', 户主: '王五' },
    [houseNos[2]]: { 结转余额: '1', 人居环境: '-5' },
  }
}
