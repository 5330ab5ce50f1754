import { Workbook } from 'exceljs'
import { readFileSync } from 'node:fs'
import type { StarRatingsView, StarTermsView } from '../../src/core/contracts/merchant'
import { localDay } from '../../src/core/period'
import { callAs, dataOf, THIS_YEAR } from './support/api'
import { openPhonePage, saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText, workButton } from './support/ui'

jest.setTimeout(240_000)

const VILLAGER = '村民 张建国（赵家桥村1组）'
const COMMITTEE = '联盟委员 沈玉梅（当湖商家自治联盟）'

/**
 * Journey (issue 28, the year and the signs): 当湖商家自治联盟 publishes star terms with a reward of 500 元
 * for four stars and rates this month. A villager opens the street's 红黑榜 and from it the 表彰榜: the
 * commended shops with their stars and reward in 元, and no download. 沈玉梅 opens 表彰榜 from 首页 and
 * downloads the year's list as .xlsx; then 印店招牌 shows each merchant's storefront sign (字号, 业态,
 * stars, the QR) and no owner's name.
 */
describeInBrowser('表彰榜 and storefront signs (H5 demo mode)', () => {
  const journey = startJourney()

  beforeAll(async () => {
    const base = journey.gateway.baseUrl
    dataOf(
      await callAs<StarTermsView>(base, 'demo-alliance', 'merchant', {
        action: 'publishStarTerms', requestId: 'e2e-commend-terms', allianceId: 'al-danghu', effectiveFrom: localDay(new Date()), windowMonths: 3,
        bands: [{ minPoints: -10_000, stars: 4, rewardFen: 50_000 }], redMinStars: 4, blackLine: -10_000,
      }),
    )
    const rated = dataOf(await callAs<StarRatingsView>(base, 'demo-alliance', 'merchant', { action: 'rateStars', requestId: 'e2e-commend-rate', allianceId: 'al-danghu', period: localDay(new Date()).slice(0, 7) }))
    expect(rated.ratings.find((r) => r.tradeName === '老街面馆')).toMatchObject({ stars: 4 })
  })

  it('When a villager opens the 红黑榜 and taps 看年度表彰榜, then 老街面馆 shows with four stars and 500.00 元, and nothing to download', async () => {
    const villager = await openPhonePage(journey.browser)
    await becomeDemoUser(villager, journey.gateway.baseUrl, VILLAGER)
    await villager.goto(`${journey.gateway.baseUrl}/#/merchant/board/index?orgId=st-danghu`)
    await visibleText(villager, '看年度表彰榜').click()
    await visibleText(villager, `当湖商家自治联盟 ${THIS_YEAR}年表彰`).waitFor()
    const row = villager.locator('.merchant__row').filter({ visible: true }).filter({ hasText: '老街面馆' })
    await eventually(() => row.innerText(), (text) => expect(text).toContain('餐饮 · ★★★★☆ · 奖励 500.00 元'))
    expect(await villager.getByText('下载表彰名单（Excel 表格）').filter({ visible: true }).count()).toBe(0)
    await saveScreenshot(await settled(villager), 'commendations-01-public')
  })

  it('When 沈玉梅 opens 表彰榜 from 首页 and downloads it, then the .xlsx lists 老街面馆 as 表彰 with 500.00 元', async () => {
    const committee = await openPhonePage(journey.browser)
    await becomeDemoUser(committee, journey.gateway.baseUrl, COMMITTEE)
    await workButton(committee, '表彰榜').click()
    const button = visibleText(committee, '下载表彰名单（Excel 表格）')
    await button.waitFor()
    await saveScreenshot(await settled(committee), 'commendations-02-committee')
    const [download] = await Promise.all([committee.waitForEvent('download'), button.click()])
    expect(download.suggestedFilename()).toBe(`当湖商家自治联盟-${THIS_YEAR}年度表彰.xlsx`)
    const workbook = new Workbook()
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer)
    const rows = workbook.getWorksheet('年度表彰')!.getSheetValues().filter(Array.isArray).map((r) => (r as unknown[]).slice(1))
    expect(rows.find((r) => r[1] === '老街面馆')?.slice(1, 7)).toEqual(['老街面馆', '餐饮', 1, '★★★★☆', '表彰', '500.00'])
  })

  it('When 沈玉梅 opens 印店招牌, then each merchant has a storefront sign with its trade name, 业态, stars and QR, and no owner’s name', async () => {
    const committee = await openPhonePage(journey.browser)
    await becomeDemoUser(committee, journey.gateway.baseUrl, COMMITTEE)
    await workButton(committee, '印店招牌').click()
    await visibleText(committee, '当湖商家自治联盟 的店招牌，共 3 块').waitFor()
    await eventually(() => committee.locator('.plate--storefront .card-qr__image--png[style*="data:image/png"]').filter({ visible: true }).count(), (n) => expect(n).toBe(3))
    const noodles = committee.locator('.plate--storefront').filter({ visible: true }).filter({ hasText: '老街面馆' })
    const text = await noodles.innerText()
    for (const words of ['当湖商家自治联盟', '老街面馆', '餐饮', '★★★★☆', `${localDay(new Date())} 印制`]) expect(text).toContain(words)
    const sheet = await committee.locator('.plates__sheet').filter({ visible: true }).innerText()
    for (const owner of ['吴海林', '钟小芳', '方志明']) expect(sheet).not.toContain(owner)
    await saveScreenshot(await settled(committee), 'storefront-signs-01-sheet')
    await committee.emulateMedia({ media: 'print' })
    await saveScreenshot(committee, 'storefront-signs-02-print')
    await committee.emulateMedia({ media: 'screen' })
  })
})
