import type { Page } from 'playwright-core'
import type { CreditOverview } from '../../src/core/contracts/credit'
import { termsSentence } from '../../src/core/credit/bank-terms'
import { callAs, dataOf } from './support/api'
import { openPhonePage, saveScreenshot } from './support/browser'
import { eventually } from './support/eventually'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText } from './support/ui'

jest.setTimeout(240_000)

const VILLAGER = '村民 张建国（赵家桥村1组）'
const OFFICER = '银行信贷员 顾晓燕（平湖农商银行）'

/**
 * Journey (善治贷): 张建国 opens 积分证明 from 我的 and asks for one for 平湖农商银行; loan officer
 * 顾晓燕, on another phone, types its code and sees it 有效 with his (masked) figures; 张建国 sees
 * that she looked and revokes it; her next check shows 已撤销 and no figures. She then publishes a new
 * version of 本行规则, and 张建国's certificate page reads the new terms.
 */
describeInBrowser('善治贷: request → verify → revoke → 已撤销 (H5 demo mode)', () => {
  const journey = startJourney()
  let villager: Page
  let officer: Page
  let code = ''

  beforeAll(async () => {
    villager = await openPhonePage(journey.browser)
    officer = await openPhonePage(journey.browser)
  })

  const openCertificatePage = async () => {
    await becomeDemoUser(villager, journey.gateway.baseUrl, VILLAGER)
    await visibleText(villager, '我的').click()
    await visibleText(villager, '积分证明（善治贷）').click()
  }

  it('When 张建国 asks for a certificate for 平湖农商银行, then he sees it 有效 with its QR, its code and the bank’s terms', async () => {
    await openCertificatePage()
    await visibleText(villager, '申请积分证明').waitFor()
    await visibleText(villager, '开积分证明').click()
    await visibleText(villager, '给平湖农商银行的积分证明').waitFor()
    await villager.locator('.card-qr__image--png[style*="data:image/png"]').filter({ visible: true }).waitFor()
    code = (await villager.locator('.credit__code').filter({ visible: true }).innerText()).trim()
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
    const text = await villager.locator('.credit').filter({ visible: true }).innerText()
    expect(text).toContain('有效')
    expect(text).toContain('张**')
    expect(text).toContain('按本行现行规则')
    await saveScreenshot(await settled(villager), 'credit-01-villager-certificate')
  })

  it('When 顾晓燕 types the code, then she sees 有效 and exactly the certificate’s statements, the head masked', async () => {
    await becomeDemoUser(officer, journey.gateway.baseUrl, OFFICER)
    await visibleText(officer, '核验积分证明').click()
    await officer.locator('input[placeholder="例如 7KQ2M-XD4PA"]').filter({ visible: true }).fill(code.toLowerCase())
    await visibleText(officer, '核验').click()
    await visibleText(officer, `证明码 ${code}`).waitFor()
    const text = await officer.locator('.credit').filter({ visible: true }).innerText()
    const { certificate } = dataOf(await callAs<CreditOverview>(journey.gateway.baseUrl, 'demo-villager', 'credit', { action: 'mine' }))
    expect(text).toContain('有效')
    expect(text).toContain('赵家桥村（赵家桥村股份经济合作社）')
    expect(text).toContain(`${certificate!.statements.thisYear.points} 分`)
    expect(text).toContain(certificate!.statements.rankBand)
    expect(text).not.toContain('张建国')
    await saveScreenshot(await settled(officer), 'credit-02-officer-valid')
  })

  it('When 张建国 looks again, then he sees that 顾晓燕 of 平湖农商银行 looked; he revokes it, and her next check shows 已撤销 and no figures', async () => {
    await openCertificatePage()
    await visibleText(villager, '撤销这份证明').waitFor()
    expect(await villager.locator('.credit').filter({ visible: true }).innerText()).toContain('平湖农商银行 顾晓燕')
    await visibleText(villager, '撤销这份证明').click()
    await visibleText(villager, '撤销').click()
    await eventually(() => villager.locator('.credit__status').filter({ visible: true }).first().innerText(), (value) => expect(value).toBe('已撤销'))
    await saveScreenshot(await settled(villager), 'credit-03-villager-revoked')

    await visibleText(officer, '核验').click()
    await visibleText(officer, '这份证明已撤销，不显示任何数字。请农户重新开一份证明。').waitFor()
    const text = await officer.locator('.credit').filter({ visible: true }).innerText()
    expect(text).not.toContain('赵家桥村股份经济合作社')
    expect(text).not.toMatch(/\d+ 分/)
    await saveScreenshot(await settled(officer), 'credit-04-officer-revoked')
  })

  it('When 顾晓燕 publishes a new version of 本行规则, then it is in force and 张建国’s page reads it beside his new certificate', async () => {
    await becomeDemoUser(officer, journey.gateway.baseUrl, OFFICER)
    await visibleText(officer, '本行规则').click()
    await visibleText(officer, '第 1 版，' + (await firstVersionDay()) + ' 起施行（现行）').waitFor()
    await officer.locator('input[placeholder="积分"]').filter({ visible: true }).fill('1')
    await officer.locator('input[placeholder="百分点"]').filter({ visible: true }).fill('0.05')
    await officer.locator('input[placeholder="额度(元)"]').filter({ visible: true }).fill('30000')
    await visibleText(officer, '发布').click()
    await eventually(() => officer.locator('.credit').filter({ visible: true }).innerText(), (value) => expect(value).toContain('本年积分满 1 分：利率优惠 0.05 个百分点，授信最高 30,000.00 元'))
    await saveScreenshot(await settled(officer), 'credit-05-officer-terms')

    await openCertificatePage()
    await visibleText(villager, '开积分证明').click()
    await visibleText(villager, '撤销这份证明').waitFor()
    const { certificate, banks } = dataOf(await callAs<CreditOverview>(journey.gateway.baseUrl, 'demo-villager', 'credit', { action: 'mine' }))
    const terms = banks.find((b) => b.bank.name === '平湖农商银行')!.terms!
    expect(terms.version).toBe(2)
    const sentence = termsSentence(terms.bands, certificate!.statements.thisYear.points, terms.basis)
    await eventually(() => villager.locator('.credit').filter({ visible: true }).innerText(), (value) => expect(value).toContain(sentence))
    await saveScreenshot(await settled(villager), 'credit-06-villager-new-terms')
  })

  async function firstVersionDay(): Promise<string> {
    const page = dataOf(await callAs<{ versions: { version: number; effectiveFrom: string }[] }>(journey.gateway.baseUrl, 'demo-bank', 'credit', { action: 'terms' }))
    return page.versions.find((v) => v.version === 1)!.effectiveFrom
  }
})
