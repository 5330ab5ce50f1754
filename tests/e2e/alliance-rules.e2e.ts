import { openPhonePage, saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText, workButton } from './support/ui'

jest.setTimeout(240_000)

const COMMITTEE = '联盟委员 沈玉梅（当湖商家自治联盟）'
const MERCHANT_CATEGORIES = ['食品安全', '环境卫生', '门前三包', '消防安全', '诚信经营', '参加培训']
const VILLAGE_CATEGORIES = ['人居环境', '垃圾分类', '平安建设', '志愿服务', '移风易俗', '矛盾调解', '疫情防控', '议事协商']

/**
 * Journey (issue 28): 沈玉梅 keeps 当湖商家自治联盟's rules. From 首页 she opens 积分细则管理 on the alliance,
 * adds a rule, and its 类别 picker offers the six merchant categories and none of a village's.
 */
describeInBrowser('an alliance’s rule editor offers the merchant categories only (H5 demo mode)', () => {
  const journey = startJourney()

  it('When 沈玉梅 adds a rule, then it starts in 食品安全 and the picker lists the merchant categories only', async () => {
    const page = await openPhonePage(journey.browser)
    await becomeDemoUser(page, journey.gateway.baseUrl, COMMITTEE)
    await workButton(page, '积分细则管理').click()
    await visibleText(page, '新增一条细则').click()
    await visibleText(page, '食品安全 ▾').click()
    const options = page.locator('.weui-picker__item').filter({ visible: true })
    await eventually(() => options.allInnerTexts(), (texts) => expect(texts.map((t) => t.trim()).filter(Boolean)).toEqual(MERCHANT_CATEGORIES))
    const shown = await page.locator('body').innerText()
    for (const category of VILLAGE_CATEGORIES) expect(shown).not.toContain(category)
    await saveScreenshot(await settled(page), 'alliance-rules-01-categories')
  })
})
