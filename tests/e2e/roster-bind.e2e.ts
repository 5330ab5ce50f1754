import type { WhoAmI } from '../../src/core/contracts/account'
import type { HeldCardToken } from '../../src/core/contracts/card'
import { eventually } from './support/eventually'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { visibleText } from './support/ui'

jest.setTimeout(240_000)

/**
 * Journey: cadre 陈明华 imports a small roster (one bad row shown, one household added), issues an
 * invite code for 钱桂英's household; a WeChat user nobody knows yet enters it on 绑定我家 and
 * then sees that household's points on the home page.
 */
describeInBrowser('roster and binding (H5 demo mode)', () => {
  const journey = startJourney()

  /** Becomes `openid` the way the demo switcher does: the H5 storage key read by src/api/demo-identity.ts. */
  async function becomeUser(openid: string) {
    await journey.page.goto(`${journey.gateway.baseUrl}/`)
    await journey.page.evaluate((id) => localStorage.setItem('demoOpenId', JSON.stringify({ data: id })), openid)
    await journey.page.goto(`${journey.gateway.baseUrl}/?as=${openid}`)
  }

  it('a cadre imports a roster with a bad row, then issues a code that a new WeChat user binds with', async () => {
    await becomeUser('demo-cadre')
    await visibleText(journey.page, '名册与绑定').click()
    await visibleText(journey.page, '共 32 户').waitFor()

    const chooser = journey.page.waitForEvent('filechooser')
    await visibleText(journey.page, '选择名册文件').click()
    await (await chooser).setFiles({
      name: '赵家桥村名册.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('户主,村民小组/网格,门牌,股数,成员\n林阿宝,2组,2组33号,4,林阿宝、林小囡\n,2组,2组34号,x,\n', 'utf8'),
    })
    await visibleText(journey.page, '有问题的 1 行（不会导入，请改好后再导入一次）：').waitFor()
    await eventually(() => journey.page.locator('.roster__problem').innerText(), (value) => expect(value).toContain('缺少户主姓名'))
    await saveScreenshot(journey.page, 'roster-01-preview')
    await visibleText(journey.page, '确认导入这 1 户').click()
    await visibleText(journey.page, '导入完成：新增 1 户，更新 0 户，有问题的 1 行没有导入。').waitFor()
    await visibleText(journey.page, '共 33 户').waitFor()

    await journey.page.locator('.search-bar__input input').fill('钱桂英')
    await visibleText(journey.page, '搜索').click()
    await visibleText(journey.page, '共 1 户').waitFor()
    await journey.page.locator('.roster__household').first().click()
    await visibleText(journey.page, '发一个邀请码').click()
    const shown = await journey.page.locator('.roster__code-box .roster__code').innerText()
    expect(shown).toMatch(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/)
    await visibleText(journey.page, `尾号 ${shown.slice(-2)} · 有效`).waitFor()
    await saveScreenshot(journey.page, 'roster-02-invite-code')

    await becomeUser('wx-e2e-newcomer')
    await visibleText(journey.page, '您还没有登记').waitFor()
    await visibleText(journey.page, '绑定我家').click()
    // A name the server refuses: the problem shows beside the name, between it and the code.
    await journey.page.locator('.bind__input input').first().fill('钱<小妹')
    await journey.page.locator('.bind__code-input input').fill('WRONG2345')
    await visibleText(journey.page, '绑定').click()
    const nameProblem = journey.page.locator('.field-problem').filter({ hasText: '您的名字里有不能用的符号' }).filter({ visible: true })
    await nameProblem.waitFor()
    const [nameBox, problemBox, codeBox] = await Promise.all(
      [journey.page.locator('.bind__input input').first(), nameProblem, journey.page.locator('.bind__code-input input')].map((l) => l.boundingBox()),
    )
    expect(problemBox!.y).toBeGreaterThan(nameBox!.y)
    expect(problemBox!.y).toBeLessThan(codeBox!.y)
    await journey.page.locator('.bind__input input').first().fill('钱小妹')
    await visibleText(journey.page, '绑定').click()
    await visibleText(journey.page, '邀请码不对，请核对后再输一次（这一小时内还能试 4 次）').waitFor()
    await journey.page.locator('.bind__code-input input').fill(shown.toLowerCase())
    await visibleText(journey.page, '绑定').click()
    await visibleText(journey.page, '绑定成功').waitFor()
    await saveScreenshot(journey.page, 'roster-03-bound')

    await visibleText(journey.page, '回首页看积分').click()
    await visibleText(journey.page, '钱桂英 家').waitFor()
    await saveScreenshot(journey.page, 'roster-04-home-after-bind')
    const me = dataOf(await callAs<WhoAmI>(journey.gateway.baseUrl, 'wx-e2e-newcomer', 'account', { action: 'whoami' }))
    expect(me).toMatchObject({ registered: true, displayName: '钱小妹', household: { name: '钱桂英' } })
  })

  it('a cadre sets up the printed card of 王金林, who has no phone; the shop then takes its number with his PIN', async () => {
    await becomeUser('demo-cadre')
    await visibleText(journey.page, '名册与绑定').click()
    await journey.page.locator('.search-bar__input input').filter({ visible: true }).fill('王金林')
    await visibleText(journey.page, '搜索').click()
    await visibleText(journey.page, '共 1 户').waitFor()
    await journey.page.locator('.roster__household').filter({ visible: true }).first().click()
    await visibleText(journey.page, '实体积分卡（给没有手机的村民）').waitFor()
    await visibleText(journey.page, '密码：还没有设置，这张卡现在不能用').waitFor()

    const pin = journey.page.locator('.roster__pin input').filter({ visible: true })
    await pin.fill('123456')
    await visibleText(journey.page, '设置密码').click()
    await visibleText(journey.page, '密码不能是连续的数字').waitFor()
    await pin.fill('480913')
    await visibleText(journey.page, '设置密码').click()
    await journey.page.getByText(/^密码已设好。卡号 \d{4} \d{4} \d{4}，请把卡号印在卡上。$/).filter({ visible: true }).waitFor()
    await journey.page.getByText(/^密码：已设置（/).filter({ visible: true }).waitFor()
    await visibleText(journey.page, '重设密码').waitFor()
    await saveScreenshot(journey.page, 'roster-05-printed-card')

    const cardNumber = (await journey.page.locator('.roster__card-number').filter({ visible: true }).innerText()).replace(/\s/g, '')
    const printed = dataOf(await callAs<HeldCardToken>(journey.gateway.baseUrl, 'demo-shop', 'card', { action: 'printedCardToken', cardNumber, pin: '480913' }))
    expect(printed.holder.householdName).toBe('王**')
  })
})
