import type { IssuedInvite } from '../../src/core/contracts/account'
import type { CardHolder, CardToken } from '../../src/core/contracts/card'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText } from './support/ui'

jest.setTimeout(240_000)

/**
 * Journey: 赵家桥村积分超市 serves only 赵家桥村, so a 通界村 household's card is refused there; street
 * admin 金伟 opens 组织架构, taps the shop and lets 通界村 use it too; the clerk then reads that card.
 */
describeInBrowser('which villages a shop serves (H5 demo mode)', () => {
  const journey = startJourney()
  let token = ''

  beforeAll(async () => {
    const { baseUrl } = journey.gateway
    const invite = dataOf(await callAs<IssuedInvite>(baseUrl, 'demo-cadre-other', 'account', { action: 'issueInvite', requestId: 'e2e-tj-invite', householdId: 'h-tj-01' }))
    dataOf(await callAs(baseUrl, 'wx-e2e-tj', 'account', { action: 'bind', requestId: 'e2e-tj-bind', code: invite.code, displayName: '通界村民' }))
    token = dataOf(await callAs<CardToken>(baseUrl, 'wx-e2e-tj', 'card', { action: 'cardToken' })).token
  })

  it('When a 通界村 card comes to 赵家桥村积分超市, then the clerk is told it belongs to another village', async () => {
    const refused = await callAs(journey.gateway.baseUrl, 'demo-shop', 'card', { action: 'holder', token })
    expect(!refused.ok && refused.error.code).toBe('TOKEN_FOREIGN')
  })

  it('When 金伟 ticks 通界村 for the shop in 组织架构, then the clerk reads the 通界村 card', async () => {
    const { page, gateway } = journey
    await becomeDemoUser(page, gateway.baseUrl, '街道管理员 金伟（当湖街道）')
    await page.goto(`${gateway.baseUrl}/#/org/tree/index`)
    await visibleText(page, '赵家桥村积分超市 · 积分超市').click()
    await visibleText(page, '赵家桥村积分超市服务哪些村').waitFor()
    await page.locator('.choice-chip').filter({ hasText: '通界村' }).filter({ visible: true }).click()
    await visibleText(page, '保存服务的村').click()
    await visibleText(page, '已保存：赵家桥村积分超市服务通界村、赵家桥村的农户').waitFor()
    await saveScreenshot(await settled(page), 'org-05-shop-serves-two-villages')
    const holder = dataOf(await callAs<CardHolder>(gateway.baseUrl, 'demo-shop', 'card', { action: 'holder', token }))
    expect(holder.villageName).toBe('通界村')
  })
})
