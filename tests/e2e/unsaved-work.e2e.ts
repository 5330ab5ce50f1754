import type { Page } from 'playwright-core'
import type { VillageSettingsView } from '../../src/core/contracts/account'
import { callAs, dataOf } from './support/api'
import { saveScreenshot } from './support/browser'
import { describeInBrowser, startJourney } from './support/journey'
import { becomeDemoUser, settled, visibleText } from './support/ui'

jest.setTimeout(240_000)

const SETTINGS_QUESTION = '改过的设置还没保存，离开就不算数了。确定离开吗？'
const WALK_QUESTION = '还没提交，确定离开吗？'

/** The title bar's back arrow, as a person taps it. */
const backArrow = (page: Page) => page.locator('#taro-navigation-bar .taro-navigation-bar-back').filter({ visible: true })
/** The question the page asks before it is left (Taro's modal in H5), and its two answers. */
const question = (page: Page) => page.locator('.taro-modal__content').filter({ visible: true })
const answer = (page: Page, label: '取消' | '离开') => question(page).locator('.taro-modal__foot').getByText(label, { exact: true })

/**
 * DESIGN: a page with unsaved work asks before it is left. Cadre 陈明华 changes 村里的设置 and presses
 * the back arrow: she is asked, 取消 keeps her change on screen, 离开 drops it (nothing saved); once
 * saved, the back arrow leaves without a question. Grid leader 王卫东's back arrow mid-walk asks the same
 * way and 取消 keeps the household he chose.
 */
describeInBrowser('unsaved work asks before the page is left (H5 demo mode)', () => {
  const journey = startJourney()
  const savedDays = async () =>
    dataOf(await callAs<VillageSettingsView>(journey.gateway.baseUrl, 'demo-cadre', 'account', { action: 'villageSettings', orgId: 'v-zjq' })).rectifiedVisibleDays

  it('When 陈明华 changes 村里的设置 and presses the back arrow, then she is asked; 取消 keeps the change, 离开 leaves it unsaved', async () => {
    const { page } = journey
    const before = await savedDays()
    await becomeDemoUser(page, journey.gateway.baseUrl, '村干部 陈明华（赵家桥村）')
    await visibleText(page, '村里的设置').click()
    await visibleText(page, `${before} 天`).waitFor()
    await visibleText(page, '＋').click()
    await visibleText(page, `${before + 1} 天`).waitFor()

    await backArrow(page).click()
    await question(page).getByText(SETTINGS_QUESTION, { exact: true }).waitFor()
    await saveScreenshot(await settled(page), 'unsaved-01-settings-asks')
    await answer(page, '取消').click()
    await question(page).waitFor({ state: 'hidden' })
    await visibleText(page, `${before + 1} 天`).waitFor()
    expect(page.url()).toContain('work/village-settings/index')

    await backArrow(page).click()
    await answer(page, '离开').click()
    await page.waitForURL(/pages\/home\/index/)
    expect(await savedDays()).toBe(before)
  })

  it('When 陈明华 saves first, then the back arrow leaves without asking', async () => {
    const { page } = journey
    const before = await savedDays()
    await visibleText(page, '村里的设置').click()
    await visibleText(page, `${before} 天`).waitFor()
    await visibleText(page, '＋').click()
    await visibleText(page, '保存').click()
    await visibleText(page, '已保存，马上生效').waitFor()
    await backArrow(page).click()
    await page.waitForURL(/pages\/home\/index/)
    expect(await question(page).count()).toBe(0)
    expect(await savedDays()).toBe(before + 1)
  })

  it('When 王卫东 presses the back arrow mid-walk, then he is asked; 取消 keeps his household, 离开 leaves', async () => {
    const { page } = journey
    await becomeDemoUser(page, journey.gateway.baseUrl, '微网格长 王卫东（第一网格1号微网格）')
    await visibleText(page, '入户评分').click()
    await visibleText(page, '张建国').click()
    await visibleText(page, '已选 1 户').waitFor()

    await backArrow(page).click()
    await question(page).getByText(WALK_QUESTION, { exact: true }).waitFor()
    await answer(page, '取消').click()
    await question(page).waitFor({ state: 'hidden' })
    await visibleText(page, '已选 1 户').waitFor()
    expect(page.url()).toContain('work/inspect/index')

    await backArrow(page).click()
    await answer(page, '离开').click()
    await page.waitForURL(/pages\/home\/index/)
  })
})
