import type { LedgerPage, Ranking } from '../../src/core/contracts/score'
import { localDay, periodsOf } from '../../src/core/period'
import { eventually } from './support/eventually'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { chooseSheet, downloadTemplate, filledTemplate, threeBadRows } from './support/points-sheet'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, visibleText } from './support/ui'

jest.setTimeout(240_000)

/**
 * Journey: 赵家桥村 moves its paper 善治积分 in. Cadre 陈明华 downloads the template, fills in 1组's
 * first two households, previews a file with three bad rows, fixes them and submits; accountant
 * 徐美芳 checks the draft and confirms it; villager 张建国 sees the points on his ledger and this
 * month's ranking; the same file again is refused row by row and changes nothing.
 */
describeInBrowser('paper points import (H5 demo mode)', () => {
  const journey = startJourney()
  let template: string[][] = []
  const ZHANG_AND_LI = { '1组01号': { 结转余额: '120', 人居环境: '30', 上年积分: '80' }, '1组02号': { 结转余额: '50', 志愿服务: '8' } }
  const PAPER_TOTALS = { '1组': { 结转余额: '170', 人居环境: '30', 志愿服务: '8', 上年积分: '80' } }
  const filled = (bad: Record<string, Record<string, string>> = {}) => filledTemplate(template, { ...ZHANG_AND_LI, ...bad }, PAPER_TOTALS)

  it('the cadre fills in the template, fixes three bad rows on the preview and submits it for a second person', async () => {
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '村干部 陈明华（赵家桥村）')
    await visibleText(journey.page, '纸质积分导入').click()
    await visibleText(journey.page, '第一步：下载模板').waitFor()
    template = await downloadTemplate(journey.page)
    expect(template[0].slice(0, 4)).toEqual(['门牌', '户主', '村民小组', '结转余额'])
    expect(template[1].slice(0, 2)).toEqual(['1组01号', '张建国'])

    await chooseSheet(journey.page, '选择填好的表格', await filled(threeBadRows(['1组03号', '1组04号', '1组05号'])))
    await visibleText(journey.page, '下面这些行有问题，请在表格里改好后重新选择文件：').waitFor()
    await eventually(() => journey.page.locator('.points-import__problem').filter({ visible: true }).count(), (n) => expect(n).toBe(3))
    await eventually(() => journey.page.locator('.points-import__problem').filter({ visible: true }).allInnerTexts(), (texts) => {
      expect(texts[0]).toContain('结转余额“八十”应为整数')
      expect(texts[1]).toContain('户主“王五”和名册上的')
      expect(texts[2]).toContain('结转余额加本年积分是负数，请核对')
    })
    await saveScreenshot(journey.page, 'points-import-01-bad-rows')

    await chooseSheet(journey.page, '换一个文件', await filled())
    await visibleText(journey.page, '赵家桥村纸质积分.xlsx：能导入 2 户，没填的 30 户这次不导入。').waitFor()
    const oneGroup = journey.page.locator('.points-import__group').filter({ visible: true }).first()
    await eventually(() => oneGroup.innerText(), (text) => {
      expect(text).toContain('1组（2 户）')
      expect(text).toContain('结转余额：170 / 170')
      expect(text).not.toContain('对不上')
    })
    await saveScreenshot(journey.page, 'points-import-02-preview')
    await visibleText(journey.page, '提交这 2 户，请会计确认').click()
    await visibleText(journey.page, '已提交 2 户，请合作社会计（或另一位村干部）核对后确认。确认以前积分不会入账。').waitFor()
    await visibleText(journey.page, '待确认').waitFor()
    await visibleText(journey.page, '要由另一个人（合作社会计或另一位村干部）核对后确认。').waitFor()
    const ledger = dataOf(await callAs<LedgerPage>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    expect(ledger.lines.some((l) => l.kind === 'carried')).toBe(false)
  })

  it('the accountant checks the draft and confirms it; 张建国 sees the points on his ledger and in this month’s ranking', async () => {
    const before = dataOf(await callAs<LedgerPage>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '合作社会计 徐美芳（赵家桥村）')
    await visibleText(journey.page, '纸质积分导入').click()
    await visibleText(journey.page, '待确认').waitFor()
    await saveScreenshot(journey.page, 'points-import-03-to-confirm')
    await visibleText(journey.page, '核对无误，确认导入').click()
    await visibleText(journey.page, '已导入 2 户，共 5 笔积分。').waitFor()
    await visibleText(journey.page, '已导入').waitFor()

    const after = dataOf(await callAs<LedgerPage>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    expect(after.balance).toBe(before.balance + 120 + 30)
    const month = periodsOf(new Date()).month
    const ranking = dataOf(await callAs<Ranking>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ranking', orgId: 'v-zjq', period: month }))
    expect(ranking.mine!.points).toBe(30)

    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '村民 张建国（赵家桥村1组）')
    await visibleText(journey.page, '明细').click() // the tab bar
    const [, m, d] = localDay(new Date()).split('-').map(Number)
    await visibleText(journey.page, `说明：人居环境：本年纸质台账积分，截至 ${m} 月 ${d} 日`).waitFor()
    await visibleText(journey.page, '说明：纸质台账结转余额 120 分，其中上年积分 80 分单列').waitFor()
    await saveScreenshot(journey.page, 'points-import-04-villager-ledger')
    await visibleText(journey.page, '排行').click() // the tab bar
    await visibleText(journey.page, `我家排第 ${ranking.mine!.rank} 名`).waitFor()
  })

  it('the same file again is refused row by row and changes nothing', async () => {
    const before = dataOf(await callAs<LedgerPage>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    await becomeDemoUser(journey.page, journey.gateway.baseUrl, '村干部 陈明华（赵家桥村）')
    await visibleText(journey.page, '纸质积分导入').click()
    await chooseSheet(journey.page, '选择填好的表格', await filled())
    await eventually(() => journey.page.locator('.points-import__problem').filter({ visible: true }).allInnerTexts(), (texts) => {
      expect(texts).toHaveLength(2)
      for (const text of texts) expect(text).toContain('导入过了，不能再导入')
    })
    await eventually(() => journey.page.getByText('提交这', { exact: false }).filter({ visible: true }).count(), (n) => expect(n).toBe(0))
    const after = dataOf(await callAs<LedgerPage>(journey.gateway.baseUrl, 'demo-villager', 'score', { action: 'ledger' }))
    expect(after.balance).toBe(before.balance)
  })
})
