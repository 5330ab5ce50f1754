import { Workbook } from 'exceljs'
import type { StreetOverview } from '../../src/core/contracts/street'
import { STREET_COLUMNS } from '../../src/core/street-columns'
import { weappJourney } from './support/journey'
import type { MiniProgram } from './support/mini-program'
import { textOf, walk } from './support/view-tree'

jest.setTimeout(120_000)

// Shanghai's month, computed as the app does (UTC+8), whatever the zone the suite runs in.
const MONTH = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)

/** The table as drawn: one array of cell texts per row of `.street__tr` (the header first). */
function tableOf(phone: MiniProgram): string[][] {
  return [...walk(phone.render())]
    .filter(({ node }) => String(node.attr.class ?? '').split(/\s+/).includes('street__tr'))
    .map(({ node }) => node.children.filter((child) => typeof child !== 'string').map((cell) => textOf(cell).trim()))
}

/**
 * 街道管理员 金伟 in the weapp build: 首页 → 街道总览 with the demo street's real figures, the trends
 * drawn on canvas, a sort, the drill-down to a micro-grid's households, and the .xlsx opened in
 * WeChat's document viewer with the numbers of the screen.
 */
describe('street admin in the mini-program: 街道总览', () => {
  const journey = weappJourney()

  it('金伟 compares the villages, sees the trends drawn, sorts, exports and drills down to the households', async () => {
    const expected = await journey.callAs<StreetOverview>('demo-admin', 'street', { action: 'overview', period: MONTH })
    const phone = await journey.openPhone('demo-admin')
    await phone.tap('街道总览')
    expect(phone.page.route).toBe('street/overview/index')
    expect(tableOf(phone)).toEqual([
      ['名称', ...STREET_COLUMNS.map((c) => c.label)],
      ...expected.rows.map((r) => [r.org.name, ...STREET_COLUMNS.map((c) => c.text(r))]),
    ])
    expect(phone.screenText()).toContain('东湖社区 → 通界村：4 户股东')

    // 赵家桥村's trend: two lines of twelve points each on its canvas (加分 and 扣分).
    const trend = await phone.drawnCanvas(`street-trend-${expected.rows.findIndex((r) => r.org.id === 'v-zjq')}`, 'stroke')
    const strokes = trend.drawCalls.filter((call) => call.op === 'lineTo').length
    expect(strokes).toBe(1 + 2 * 11)

    await phone.tap('扣分')
    const byDeducted = [...expected.rows].sort((a, b) => b.deducted - a.deducted).map((r) => r.org.name)
    expect(tableOf(phone).slice(1).map((row) => row[0])).toEqual(byDeducted)

    await phone.tap('导出 Excel 表格')
    expect(phone.device.openedDocuments).toHaveLength(1)
    const opened = phone.device.openedDocuments[0]
    expect(opened.fileType).toBe('xlsx')
    const workbook = new Workbook()
    await workbook.xlsx.load(phone.device.userFiles.get(opened.filePath)! as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('总览')!
    expected.rows.forEach((row, i) => {
      expect((sheet.getRow(3 + i).values as unknown[]).slice(1)).toEqual([row.org.name, expect.any(String), ...STREET_COLUMNS.map((c) => c.text(row))])
    })
    expect(phone.screenText()).toContain('表格已打开')

    await phone.tap('赵家桥村')
    expect(tableOf(phone).slice(1).map((row) => [row[0], row[1]])).toEqual([
      ['第一网格', '16'],
      ['第二网格', '16'],
    ])
    await phone.tap('第一网格')
    await phone.tap('第一网格1号微网格')
    expect(phone.page.route).toBe('work/households/index')
    expect(phone.screenText()).toContain('共 8 户')
    expect(phone.screenText()).toContain('张建国')
  })
})
