import type { MyRequests } from '../../src/core/contracts/score'
import { weappJourney } from './support/journey'
import { TINY_JPEG } from './support/photos'

jest.setTimeout(120_000)

const NOTE = '比如：11月20日在村口值守'

/**
 * WeChat's consent gate in the weapp build: a privacy interface (chooseImage) waits for the user's
 * answer to the app's own popup (wx.onNeedPrivacyAuthorization + a button with
 * open-type="agreePrivacyAuthorization"); 不同意 fails it with errno 104 and the app says plainly what
 * cannot be done, keeping what was typed.
 */
describe('consent before a privacy interface: the photo of a claim', () => {
  const journey = weappJourney()

  it('When 张建国 first takes a photo, then the consent popup shows over his half-filled claim; he agrees and the photo goes up', async () => {
    const phone = await journey.openPhone('demo-villager')
    await phone.tap('我要申报')
    await phone.tap('参加村里志愿服务活动')
    await phone.fill(NOTE, '村口垃圾分类宣传值守')
    phone.device.pickPhotos(TINY_JPEG)
    await phone.tap('拍照或选照片')

    // The camera has not opened: the interface waits for his answer, the popup is over the form.
    expect(phone.device.privacyPrompts).toEqual([{ referrer: 'chooseImage', answer: 'pending' }])
    expect(phone.screenText()).toContain('用之前，请您看一看')
    expect(phone.screenText()).toContain('《善治积分隐私保护指引》')
    expect(phone.screenText()).toContain('已有 0 张，最多 3 张')

    await phone.answerPrivacy('agree')
    expect(phone.device.privacyPrompts).toEqual([{ referrer: 'chooseImage', answer: 'agree' }])
    expect(phone.screenText()).not.toContain('用之前，请您看一看')
    expect(phone.screenText()).toContain('已有 1 张，最多 3 张')
    // Agreed once: the next photo is taken at once, without asking again.
    phone.device.pickPhotos(TINY_JPEG)
    await phone.tap('再加一张照片')
    expect(phone.screenText()).toContain('已有 2 张，最多 3 张')
    expect(phone.device.privacyPrompts).toHaveLength(1)

    // What he typed before the popup is still there; the claim goes through with the photo.
    await phone.tap('下一步：核对')
    expect(phone.screenText()).toContain('村口垃圾分类宣传值守')
    await phone.tap('确认提交')
    expect(phone.screenText()).toContain('申报已提交')
    const requests = await journey.callAs<MyRequests>('demo-villager', 'score', { action: 'myRequests' })
    expect(requests.claims[0]).toMatchObject({ note: '村口垃圾分类宣传值守' })
    expect(requests.claims[0].photos[0]).toMatch(/^cloud:\/\//)
  })

  it('When 李秀英 says 不同意, then no photo is taken, her words stay, the app says what cannot be done, and she can still agree later', async () => {
    const phone = await journey.openPhone('demo-villager-2')
    await phone.tap('我要申报')
    await phone.tap('参加村里志愿服务活动')
    await phone.fill(NOTE, '帮五保户打扫院子')
    phone.device.pickPhotos(TINY_JPEG)
    await phone.tap('拍照或选照片')
    expect(phone.screenText()).toContain('用之前，请您看一看')

    await phone.answerPrivacy('disagree')
    expect(phone.device.privacyPrompts).toEqual([{ referrer: 'chooseImage', answer: 'disagree' }])
    expect(phone.screenText()).toContain('您没有同意')
    expect(phone.screenText()).toContain('不同意就不能拍照或选照片。已经写好的内容都还在')
    expect(phone.screenText()).toContain('已有 0 张，最多 3 张')
    await phone.tap('知道了')
    expect(phone.screenText()).not.toContain('您没有同意')
    expect(phone.screenText()).toContain('帮五保户打扫院子')

    // Nothing broke: tapping again asks again, and agreeing takes the photo she had ready.
    await phone.tap('拍照或选照片')
    await phone.answerPrivacy('agree')
    expect(phone.screenText()).toContain('已有 1 张，最多 3 张')
    expect(phone.device.privacyPrompts.map((p) => p.answer)).toEqual(['disagree', 'agree'])
  })

  it('When she opens 我的 → 隐私保护指引, then it says in plain words what is kept, why, who sees it, how long, and how to get it back', async () => {
    const phone = await journey.openPhone('demo-villager-2')
    // The 隐私保护指引 page is reachable from 我的 for anyone, in plain words.
    await phone.tapTab('我的')
    await phone.tap('隐私保护指引')
    const guide = phone.screenText()
    for (const words of ['我们记下您哪些信息', '为什么要记', '谁能看到', '放多久', '您想查看、导出或者撤回', '银行', '照片']) expect(guide).toContain(words)
  })
})
