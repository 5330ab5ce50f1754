import { Workbook } from 'exceljs'
import { readFileSync } from 'node:fs'
import type { StreetOverview } from '../../src/core/contracts/street'
import { periodsOf } from '../../src/core/period'
import { sortStreetRows, STREET_COLUMNS } from '../../src/core/street-columns'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText } from './support/ui'

jest.setTimeout(240_000)

const MONTH = periodsOf(new Date()).month

/**
 * Journey (issue 13's first Done-when): 街道管理员 金伟 opens 首页 → 街道总览 and sees 赵家桥村, 通界村
 * and 东湖社区 side by side with the living demo's real figures, sorts by a column, drills down
 * 赵家桥村 → 第一网格 → 第一网格1号微网格 → its household list, and exports the table: the .xlsx holds
 * the numbers the screen shows.
 */
describeInBrowser('street journey: the street admin compares villages, drills down and exports (H5 demo mode)', () => {
  const journey = startJourney()

  /** The table on screen, as text: the header, then one array of cell texts per row (name first). */
  async function screenTable(): Promise<string[][]> {
    return journey.page.locator('.street__tr').filter({ visible: true }).evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children).map((cell) => (cell as HTMLElement).innerText.trim())),
    )
  }

  it('金伟 sees every village and the community with the real figures, sorts, drills down to a household list and exports the same numbers', async () => {
    const expected = dataOf(await callAs<StreetOverview>(journey.gateway.baseUrl, 'demo-admin', 'street', { action: 'overview', period: MONTH }))
    expect(expected.rows.map((r) => r.org.name)).toEqual(['通界村', '赵家桥村', '东湖社区'])
    const asText = (rows: StreetOverview['rows']) => rows.map((r) => [r.org.name, ...STREET_COLUMNS.map((c) => c.text(r))])

    await journey.page.setViewportSize({ width: 360, height: 640 })
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '街道管理员 金伟（当湖街道）')
    await visibleText(journey.page, '街道总览').click()
    await visibleText(journey.page, `当湖街道 · ${MONTH.slice(0, 4)}年${Number(MONTH.slice(5))}月`).waitFor()
    // On a phone 360 wide: one card per unit with its key figures and the last months' numbers, no table.
    const zjqCard = journey.page.locator('.street__row-card').filter({ visible: true }).filter({ hasText: '赵家桥村' })
    await eventually(() => zjqCard.innerText(), (text) => expect(text).toMatch(/户数\s*32[\s\S]*整改率[\s\S]*加 \d+，扣 \d+/))
    expect(await journey.page.locator('.street__tr').filter({ visible: true }).count()).toBe(0)
    await saveScreenshot(await settled(journey.page), 'street-00-phone-cards')
    // On a wide screen: the whole table.
    await journey.page.setViewportSize({ width: 1280, height: 900 })
    await eventually(screenTable, (table) => expect(table).toEqual([['名称', ...STREET_COLUMNS.map((c) => c.label)], ...asText(expected.rows)]))
    // Real figures, not zeros: 赵家桥村's points, households and waiting appeals; 3.0 below the table.
    const zjq = expected.rows.find((r) => r.org.id === 'v-zjq')!
    expect([zjq.households, zjq.given > 0, zjq.deducted > 0, zjq.appeals.count]).toEqual([32, true, true, 1])
    await journey.page.getByText(`东湖社区 → 通界村：4 户股东`, { exact: false }).filter({ visible: true }).first().waitFor()
    await settled(journey.page)
    await saveScreenshot(journey.page, 'street-01-overview')
    // Sideways, the names stay in view beside the rectification and dividend columns.
    await journey.page.locator('.street__scroll').filter({ visible: true }).first().evaluate((el) => {
      const scroller = (el.querySelector('.taro-scroll-view__scroll-x') ?? el) as HTMLElement
      scroller.scrollLeft = 1800
    })
    await visibleText(journey.page, '赵家桥村').waitFor()
    await saveScreenshot(journey.page, 'street-01b-scrolled')

    await visibleText(journey.page, '加分').click()
    const byGiven = sortStreetRows(expected.rows, 'given', true)
    await eventually(screenTable, (table) => expect(table.slice(1).map((r) => r[0])).toEqual(byGiven.map((r) => r.org.name)))
    await visibleText(journey.page, '加分 ▼').click()
    await eventually(screenTable, (table) => expect(table.slice(1).map((r) => r[0])).toEqual(sortStreetRows(expected.rows, 'given', false).map((r) => r.org.name)))
    await visibleText(journey.page, '户数').click()
    await eventually(screenTable, (table) => expect(table.slice(1).map((r) => r[0])).toEqual(['赵家桥村', '通界村', '东湖社区']))
    const shown = await screenTable()

    const [file] = await Promise.all([journey.page.waitForEvent('download'), visibleText(journey.page, '导出 Excel 表格').click()])
    const workbook = new Workbook()
    await workbook.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('总览')!
    const fromFile = [2, 3, 4, 5].map((n) => (sheet.getRow(n).values as unknown[]).slice(1).filter((_, i) => i !== 1).map(String))
    // The file lists the rows in the server's order (the screen is sorted by 户数, its header marked ▼); each reads as on screen.
    const shownByName = new Map(shown.slice(1).map((row) => [row[0], row]))
    expect(fromFile).toEqual([shown[0].map((label) => label.replace(/ [▼▲]$/, '')), ...expected.rows.map((r) => shownByName.get(r.org.name))])
    await journey.page.getByText(/^已下载：当湖街道-总览-/).waitFor()

    await visibleText(journey.page, '赵家桥村').click()
    await visibleText(journey.page, `赵家桥村 · ${MONTH.slice(0, 4)}年${Number(MONTH.slice(5))}月`).waitFor()
    await eventually(screenTable, (table) => expect(table.slice(1).map((r) => [r[0], r[1]])).toEqual([['第一网格', '16'], ['第二网格', '16']]))
    await visibleText(journey.page, '第一网格').click()
    await eventually(screenTable, (table) => expect(table.slice(1).map((r) => [r[0], r[1]])).toEqual([['第一网格1号微网格', '8'], ['第一网格2号微网格', '8']]))
    await visibleText(journey.page, '第一网格1号微网格').click()
    await journey.page.getByText('共 8 户', { exact: false }).filter({ visible: true }).first().waitFor()
    await visibleText(journey.page, '张建国').waitFor()
    await settled(journey.page)
    await saveScreenshot(journey.page, 'street-02-households')
  })
})
