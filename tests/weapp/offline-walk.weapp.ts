import type { HouseholdList } from '../../src/core/contracts/account'
import type { LedgerPage, RuleSetView } from '../../src/core/contracts/score'
import { weappJourney } from './support/journey'
import type { MiniProgram } from './support/mini-program'
import { TINY_JPEG } from './support/photos'

jest.setTimeout(180_000)

const DEDUCTION = '房前屋后乱堆乱放'

/**
 * Grid leader 王卫东 walks his micro-grid where the phone has no signal: the walk is kept on the phone
 * as 「待上传」, survives the app being killed, and is applied once when the network comes back.
 */
describe('grid leader without signal: a walk kept on the phone and sent when the network returns', () => {
  const journey = weappJourney()
  let households: HouseholdList['households']
  const balance = async (householdId: string) => (await journey.callAs<LedgerPage>('demo-cadre', 'score', { action: 'ledger', householdId })).balance

  beforeAll(async () => {
    households = (await journey.callAs<HouseholdList>('demo-grid-leader', 'account', { action: 'households', orgId: 'mg-zjq-1-1' })).households
  })

  let phone: MiniProgram
  const walked = () => households.slice(0, 3)

  it('When 王卫东 presses the back arrow mid-walk, then he is asked 「还没提交，确定离开吗？」; 取消 keeps his households, 确定 leaves', async () => {
    phone = await journey.openPhone('demo-grid-leader')
    await phone.tap('入户评分')
    await phone.tap('张建国')
    await phone.tap('下一步：选细则')
    await phone.tap('上一步：重新选农户')
    phone.device.answerNextModal(false)
    await phone.back()
    expect(phone.device.modals.at(-1)).toMatchObject({ content: '还没提交，确定离开吗？', confirmed: false })
    expect(phone.page.route).toBe('work/inspect/index')
    expect(phone.screenText()).toContain('已选 1 户')
    phone.device.answerNextModal(true)
    await phone.back()
    expect(phone.page.route).toBe('pages/home/index')
  })

  it('When the network is off, then three households, the rule and a photo are recorded, kept as 「待上传」 and nothing is scored', async () => {
    const before = await Promise.all(walked().map((h) => balance(h.id)))
    // He opened 入户评分 with signal this morning (the test above): the households and rules are on the phone.
    await phone.setNetwork(false)
    await phone.tap('入户评分')
    expect(phone.screenText()).toContain('第一网格1号微网格 共 8 户')
    for (const household of walked()) await phone.tap(household.name)
    await phone.tap('下一步：选细则')
    await phone.tap(DEDUCTION)
    phone.device.pickPhotos(TINY_JPEG)
    await phone.tap('拍照或选照片')
    await phone.answerPrivacy('agree')
    expect(phone.screenText()).toContain('已有 1 张，最多 9 张')
    await phone.fill('例如：门口堆了建筑垃圾', '门口堆放杂物')
    await phone.tap('下一步：核对')
    await phone.tap('确认提交（3 户）')

    expect(phone.screenText()).toContain('已存在手机里，待上传')
    expect(phone.screenText()).not.toContain('已记分')
    expect(await Promise.all(walked().map((h) => balance(h.id)))).toEqual(before)
    expect(journey.world.cloudFiles.size).toBe(0)
    await phone.back()
    expect(phone.screenText()).toContain('待上传 1 次评分')
  })

  it('When the app is killed and opened again, still offline, then the walk still waits; when the network returns, it is applied once, photo first', async () => {
    const before = await Promise.all(walked().map((h) => balance(h.id)))
    phone.kill()
    phone = await journey.openPhone('demo-grid-leader', { device: phone.device })
    expect(phone.screenText()).toContain('待上传 1 次评分')
    // Opened without signal, 首页 still shows his role and its 入户评分, from the copy kept with signal.
    expect(phone.screenText()).toContain('微网格长 · 第一网格1号微网格')

    await phone.setNetwork(true)
    expect(phone.screenText()).not.toContain('待上传')
    expect(await Promise.all(walked().map((h) => balance(h.id)))).toEqual(before.map((b) => b - 5))
    const [fileId] = [...journey.world.cloudFiles.keys()]
    expect(journey.world.cloudFiles.get(fileId)).toEqual(TINY_JPEG)
    const ledger = await journey.callAs<LedgerPage>('demo-cadre', 'score', { action: 'ledger', householdId: walked()[0].id })
    expect(ledger.lines[0]).toMatchObject({ points: -5, rule: { title: DEDUCTION }, scorer: { name: '王卫东' }, note: '门口堆放杂物', photos: [fileId] })

    // The network flaps and the app starts again: nothing is sent twice.
    await phone.setNetwork(false)
    await phone.setNetwork(true)
    phone.kill()
    phone = await journey.openPhone('demo-grid-leader', { device: phone.device })
    expect(await Promise.all(walked().map((h) => balance(h.id)))).toEqual(before.map((b) => b - 5))
  })

  it('When the signal drops right after the photo went up, before the walk was sent, then the walk still waits; when it returns, the walk is applied once and the photo is not uploaded again', async () => {
    const household = households[4]
    const before = await balance(household.id)
    const filesBefore = journey.world.cloudFiles.size
    await phone.setNetwork(false)
    await phone.tap('入户评分')
    await phone.tap(household.name)
    await phone.tap('下一步：选细则')
    await phone.tap(DEDUCTION)
    phone.device.pickPhotos(TINY_JPEG)
    await phone.tap('拍照或选照片')
    await phone.tap('下一步：核对')
    await phone.tap('确认提交（1 户）')
    await phone.back()

    // The signal comes back for one call only: the photo goes up, the submit does not.
    phone.device.dropNetworkAfter(1)
    await phone.setNetwork(true)
    expect(phone.device.online).toBe(false)
    expect(journey.world.cloudFiles.size).toBe(filesBefore + 1)
    expect(phone.screenText()).toContain('待上传 1 次评分')
    expect(await balance(household.id)).toBe(before)

    await phone.setNetwork(true)
    expect(phone.screenText()).not.toContain('待上传')
    expect(await balance(household.id)).toBe(before - 5)
    expect(journey.world.cloudFiles.size).toBe(filesBefore + 1)
  })

  it('When the rule was republished while the walk waited, then the refusal is shown with 按现在的细则重新评, and that scores it under the new version', async () => {
    const household = households[3]
    const before = await balance(household.id)
    await phone.setNetwork(false)
    await phone.tap('入户评分')
    await phone.tap(household.name)
    await phone.tap('下一步：选细则')
    await phone.tap('红白喜事大操大办、铺张浪费')
    await phone.tap('下一步：核对')
    await phone.tap('确认提交（1 户）')
    expect(phone.screenText()).toContain('已存在手机里，待上传')

    // Meanwhile 陈明华 publishes the village's rules again: a new version.
    const set = await journey.callAs<RuleSetView>('demo-cadre', 'score', { action: 'rules', orgId: 'v-zjq' })
    await journey.callAs('demo-cadre', 'score', { action: 'publishRules', requestId: 'offline-republish', ruleSetId: set.id, rules: set.rules.map(({ id: _, ...rule }) => rule) })

    await phone.back()
    await phone.setNetwork(true)
    expect(phone.screenText()).toContain('待上传 1 次评分其中 1 次没被接受')
    await phone.tap('查看待上传')
    expect(phone.screenText()).toContain('这条细则已经更新了')
    await phone.tap('按现在的细则重新评')
    expect(phone.screenText()).toContain('手机里没有待上传的评分')
    expect(await balance(household.id)).toBe(before - 10)
  })
})
