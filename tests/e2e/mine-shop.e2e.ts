import type { WhoAmI } from '../../src/core/contracts/account'
import type { Ranking } from '../../src/core/contracts/score'
import { periodsOf } from '../../src/core/period'
import { callAs, dataOf } from './support/api'
import { openPhonePage, saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText, workButton } from './support/ui'
import { eventually } from './support/eventually'

jest.setTimeout(240_000)

const OWNER = '店主 吴海林（老街面馆）'

/**
 * Journey (issue 28): 老街面馆's owner 吴海林 looks up where his shop ranks in the alliance (商家排行), then
 * hands the shop on. On 我的 → 我的信息 he sees 我的店, taps 解除店铺绑定, reads what it means, first 取消 (nothing
 * changes), then confirms: the card goes and he is no 店主 any more.
 */
describeInBrowser('the owner’s own: 商家排行 and 解除店铺绑定 from 我的信息 (H5 demo mode)', () => {
  const journey = startJourney()

  it('When 吴海林 opens 商家排行 from 首页, then his shop shows with its rank and points as the alliance’s ranking has it', async () => {
    const owner = await openPhonePage(journey.browser)
    await becomeDemoUser(owner, journey.gateway.baseUrl, OWNER)
    await workButton(owner, '商家排行').click()
    const expected = dataOf(await callAs<Ranking>(journey.gateway.baseUrl, 'demo-merchant', 'score', { action: 'ranking', orgId: 'al-danghu', period: periodsOf(new Date()).month }))
    expect(expected.households).toBe(3)
    await visibleText(owner, `当湖商家自治联盟 本月积分排行 · 共 3 家`).waitFor()
    const mine = expected.mine!
    await eventually(() => owner.getByText(`第 ${mine.rank} 名 老街面馆（我的店）`).filter({ visible: true }).count(), (n) => expect(n).toBeGreaterThan(0))
    const text = (await owner.locator('.merchant__row').filter({ visible: true }).allInnerTexts()).join('\n')
    for (const row of expected.top) expect(text).toContain(`第 ${row.rank} 名 ${row.maskedName}`)
    for (const name of ['吴海林', '钟小芳', '方志明']) expect(text).not.toContain(name)
    await saveScreenshot(await settled(owner), 'merchant-ranking-01')
  })

  it('When 吴海林 confirms 解除店铺绑定 on 我的信息, then 我的店 goes and whoami has no shop; 取消 first changes nothing', async () => {
    const owner = await openPhonePage(journey.browser)
    await becomeDemoUser(owner, journey.gateway.baseUrl, OWNER)
    await owner.goto(`${journey.gateway.baseUrl}/#/pages/mine/index`)
    await visibleText(owner, '我的信息').click()
    await visibleText(owner, '我的店').waitFor()
    await visibleText(owner, '老街面馆（餐饮）· 当湖商家自治联盟').waitFor()
    await visibleText(owner, '解除店铺绑定').click()
    await owner.getByText('解除后您不再是「老街面馆」的店主', { exact: false }).filter({ visible: true }).waitFor()
    await saveScreenshot(await settled(owner), 'mine-shop-01-asking')
    await visibleText(owner, '取消').click()
    const me = dataOf(await callAs<WhoAmI>(journey.gateway.baseUrl, 'demo-merchant', 'account', { action: 'whoami' }))
    expect(me).toMatchObject({ merchant: { tradeName: '老街面馆' } })

    await visibleText(owner, '解除店铺绑定').click()
    await visibleText(owner, '确定解除店铺绑定').click()
    await owner.getByText('我的店', { exact: true }).filter({ visible: true }).waitFor({ state: 'detached' })
    expect(await owner.getByText('我的店', { exact: true }).filter({ visible: true }).count()).toBe(0)
    const after = dataOf(await callAs<WhoAmI>(journey.gateway.baseUrl, 'demo-merchant', 'account', { action: 'whoami' }))
    expect(after).toMatchObject({ merchant: null })
    await saveScreenshot(await settled(owner), 'mine-shop-02-left')
  })
})
