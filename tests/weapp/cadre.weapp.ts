import { eq } from 'drizzle-orm'
import { wechatGroups } from '../../server/store/schema'
import { ruleIdsByCode } from '../../server/test-support/test-database'
import { weappJourney } from './support/journey'
import { TINY_JPEG } from './support/photos'

jest.setTimeout(120_000)

const ZJQ_GROUP = '赵家桥村1组村民群'
const TJ_GROUP = '通界村村民群'

/**
 * Cadre 陈明华 posts a 通报 in the weapp build and shares it; the share path, opened from a card in
 * the village's group chat (scene 1044 + getGroupEnterInfo), records that group as the village's and
 * shows the notice masked; a member of another village's group opening the same card sees nothing private.
 * 村里的设置 changed and left by the back arrow asks first.
 */
describe('cadre in the mini-program: a 通报 shared into a group chat, opened by its members', () => {
  const journey = weappJourney()
  let sharedPath = ''

  beforeAll(async () => {
    const rules = await ruleIdsByCode(journey.cloud.database.db, 'rs-zjq')
    const photo = await journey.photoOf('demo-grid-leader', 'clutter.jpg', TINY_JPEG)
    await journey.callAs('demo-grid-leader', 'score', { action: 'submit', requestId: 'walk-clutter-1', householdIds: ['h-zjq-01'], ruleId: rules['env-clutter'], photos: [photo] })
    journey.world.createGroup(ZJQ_GROUP, ['demo-cadre', 'demo-villager-2'])
    journey.world.createGroup(TJ_GROUP, ['demo-cadre-other'])
    // 通界村's group was recorded as that village's when a 通报 of 通界村 was first opened in it.
    await journey.cloud.database.db.insert(wechatGroups).values({ openGId: journey.world.openGIdOf(TJ_GROUP), villageId: 'v-tj', recordedBy: 'demo-cadre-other' })
  })

  it('陈明华 posts the 通报, makes its poster, and shares the page', async () => {
    const phone = await journey.openPhone('demo-cadre')
    await phone.tap('发布整改通报')
    // Every notice not yet posted is ticked (the living demo has a few besides the walk's).
    await phone.tap(/^下一步：核对（已选 \d+ 户）$/)
    await phone.tap(/^确认发布（\d+ 户）$/)
    expect(phone.page.route).toBe('pages/notices/bulletin')
    expect(phone.screenText()).toContain('赵家桥村')
    expect(phone.screenText()).toContain('1组01号 张建国')

    await phone.tap('生成海报图片')
    const poster = phone.canvas('bulletin-poster-canvas')
    const drawnText = poster.drawCalls.filter((call) => call.op === 'fillText').map((call) => String(call.args[0])).join('')
    expect(drawnText).toContain('1组 张**')
    expect(drawnText).not.toContain('张建国')
    await phone.tap('保存到相册')
    // Saving to the album is a privacy interface: the consent popup first, then the save.
    expect(phone.device.savedToAlbum).toHaveLength(0)
    await phone.answerPrivacy('agree')
    expect(phone.device.savedToAlbum).toHaveLength(1)
    expect(phone.device.toasts).toContain('已保存到相册')

    const share = await phone.share()
    expect(share.path).toBe(`/pages/notices/bulletin?id=${phone.page.query.id}`)
    sharedPath = share.path!
  })

  /** A member taps the shared card in a group chat: the mini-program starts on its path, scene 1044. */
  function openSharedCard(openid: string, groupName: string) {
    const [pagePath, query] = sharedPath.split('?')
    return journey.openPhone(openid, { path: pagePath, query: Object.fromEntries(new URLSearchParams(query)), scene: 1044, groupName })
  }

  it('李秀英 opens the card in the village group: the group is recorded as 赵家桥村\'s, the notice shows masked', async () => {
    const phone = await openSharedCard('demo-villager-2', ZJQ_GROUP)
    expect(phone.screenText()).toContain('1组 张**')
    expect(phone.screenText()).not.toContain('张建国')
    const [group] = await journey.cloud.database.db.select().from(wechatGroups).where(eq(wechatGroups.openGId, journey.world.openGIdOf(ZJQ_GROUP)))
    expect(group).toMatchObject({ villageId: 'v-zjq', recordedBy: 'demo-villager-2' })
  })

  it('a member of 通界村\'s group opening the same card there sees nothing private', async () => {
    const phone = await openSharedCard('demo-cadre-other', TJ_GROUP)
    expect(phone.screenText()).toContain('看不了这期通报')
    expect(phone.screenText()).not.toContain('张')
  })

  it('陈明华 changes 村里的设置 and presses the back arrow: she is asked; 取消 keeps the change on screen, 确定 leaves it unsaved', async () => {
    const phone = await journey.openPhone('demo-cadre')
    await phone.tap('村里的设置')
    expect(phone.screenText()).toContain('3 天')
    await phone.tap('＋')
    expect(phone.screenText()).toContain('4 天')
    phone.device.answerNextModal(false)
    await phone.back()
    expect(phone.device.modals.at(-1)).toMatchObject({ content: '改过的设置还没保存，离开就不算数了。确定离开吗？', confirmed: false })
    expect(phone.page.route).toBe('work/village-settings/index')
    expect(phone.screenText()).toContain('4 天')
    phone.device.answerNextModal(true)
    await phone.back()
    expect(phone.page.route).toBe('pages/home/index')
    expect(await journey.callAs('demo-cadre', 'account', { action: 'villageSettings', orgId: 'v-zjq' })).toMatchObject({ rectifiedVisibleDays: 3 })
  })
})
