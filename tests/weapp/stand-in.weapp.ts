import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CloudBackend } from './support/cloud-backend'
import { MiniProgram } from './support/mini-program'
import { WeChatWorld } from './support/wechat-world'
import { createWxmlRenderer } from './support/wxml-renderer'

/** A tiny mini-program written for these tests: one page whose behaviour each test chooses. */
function tinyApp(pageJs: string, wxml: string, subpackage?: { root: string; files: Record<string, string> }): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'weapp-stand-in-'))
  mkdirSync(path.join(dist, 'pages/p'), { recursive: true })
  const pages = Object.keys(subpackage?.files ?? {}).filter((file) => file.endsWith('/index.js')).map((file) => file.replace(/\.js$/, ''))
  const subPackages = subpackage ? [{ root: subpackage.root, pages }] : undefined
  writeFileSync(path.join(dist, 'app.json'), JSON.stringify({ pages: ['pages/p/index'], subPackages }))
  for (const [file, text] of Object.entries(subpackage?.files ?? {})) {
    mkdirSync(path.dirname(path.join(dist, subpackage!.root, file)), { recursive: true })
    writeFileSync(path.join(dist, subpackage!.root, file), text)
  }
  writeFileSync(path.join(dist, 'app.js'), 'App({})')
  writeFileSync(path.join(dist, 'pages/p/index.json'), '{}')
  writeFileSync(path.join(dist, 'pages/p/index.js'), pageJs)
  writeFileSync(path.join(dist, 'pages/p/index.wxml'), wxml)
  return dist
}

const noCloud: CloudBackend = {
  engine: 'none',
  database: undefined as never,
  log: [],
  call: () => Promise.reject(new Error('no cloud in these tests')),
  push: () => Promise.reject(new Error('no cloud in these tests')),
  close: () => Promise.resolve(),
}

async function launch(pageJs: string, wxml = '<view>{{text}}</view>', subpackage?: Parameters<typeof tinyApp>[2]): Promise<MiniProgram> {
  const distDir = tinyApp(pageJs, wxml, subpackage)
  const phone = new MiniProgram({ world: new WeChatWorld(), cloud: noCloud, renderer: createWxmlRenderer(distDir), distDir, openid: 'someone' })
  return phone.launch()
}

/** The stand-in must fail where WeChat would: these prove a journey cannot pass over a broken page. */
describe('the mini-program stand-in', () => {
  it('When a page throws in onLoad, then the error is kept for the journey to fail on', async () => {
    const phone = await launch(`Page({ onLoad() { throw new Error('boom in onLoad') } })`)
    expect(phone.errors.join('\n')).toContain('boom in onLoad')
  })

  it('When a page logs console.error, then it counts as an error', async () => {
    const phone = await launch(`Page({ onLoad() { console.error('render failed') } })`)
    expect(phone.errors.join('\n')).toContain('render failed')
  })

  it('When the page is drawn, then the text comes from WeChat\'s own WXML compiler and setData paths', async () => {
    const phone = await launch(`Page({ data: { list: [{ name: 'a' }] }, onLoad() { this.setData({ 'list[0].name': '张建国', text: '你好' }) } })`, '<view>{{text}}</view><view wx:for="{{list}}" wx:key="name">{{item.name}}</view>')
    expect(phone.screenText()).toBe('你好张建国')
  })

  it('When a tap lands on text that nothing handles, then the test is told so', async () => {
    const phone = await launch(`Page({ onLoad() { this.setData({ text: '只是文字' }) } })`)
    await expect(phone.tap('只是文字')).rejects.toThrow('does nothing')
  })

  it('When a handler named in bindtap is missing, then tapping fails', async () => {
    const phone = await launch(`Page({})`, '<view bindtap="missing">按钮</view>')
    await expect(phone.tap('按钮')).rejects.toThrow('does not have')
  })

  it('When code reaches for browser or Node globals, then they are not there, as in WeChat', async () => {
    const phone = await launch(`Page({ onLoad() { this.setData({ text: [typeof window, typeof document, typeof fetch, typeof process, typeof TextEncoder].join(',') }) } })`)
    expect(phone.screenText()).toBe('undefined,undefined,undefined,undefined,undefined')
  })

  it('When a date is formatted with timeZone Asia/Shanghai, then the phone ignores it, as Android WeChat does', async () => {
    const instant = '2026-11-29T20:30:00Z'
    const phone = await launch(`Page({ onLoad() { this.setData({ text: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date('${instant}')) }) } })`)
    const deviceClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant))
    expect(phone.screenText()).toBe(deviceClock)
    expect(deviceClock).not.toBe('04:30')
  })

  it('When a page navigates to a page that is not in app.json, then navigateTo fails as in WeChat', async () => {
    const phone = await launch(`Page({ onLoad() { wx.navigateTo({ url: '/pages/nowhere/index', fail: (e) => this.setData({ text: e.errMsg }) }) } })`)
    expect(phone.screenText()).toContain('navigateTo:fail')
  })

  it('When main-package code requires a file of a subpackage, then it fails as on a phone; the subpackage\'s own page may', async () => {
    const subpackage = {
      root: 'later',
      files: {
        'shared.js': `module.exports = '分包里的字'`,
        'q/index.js': `Page({ onLoad() { this.setData({ text: require('../shared') }) } })`,
        'q/index.json': '{}',
        'q/index.wxml': '<view>{{text}}</view>',
      },
    }
    const reaching = await launch(`Page({ onLoad() { this.setData({ text: require('../../later/shared') }) } })`, undefined, subpackage)
    expect(reaching.errors.join('\n')).toContain('lies in subpackage later and cannot be required from the main package')
    const phone = await launch(`Page({ onLoad() { wx.navigateTo({ url: '/later/q/index' }) } })`, undefined, subpackage)
    expect(phone.errors).toEqual([])
    expect(phone.screenText()).toBe('分包里的字')
  })

  it('When a privacy interface is called before consent and the app listens for nothing, then it fails with errno 104, as WeChat does', async () => {
    const phone = await launch(`Page({ onLoad() { wx.setClipboardData({ data: 'x', fail: (e) => this.setData({ text: e.errno + ' ' + e.errMsg }) }) } })`)
    expect(phone.screenText()).toBe('104 setClipboardData:fail privacy permission is not authorized')
    expect(phone.device.clipboard).toBe('')
  })

  it('When the app answers agree naming a button nobody tapped, then the stand-in refuses it, as WeChat checks the button', async () => {
    const phone = await launch(
      `let answer
      wx.onNeedPrivacyAuthorization((resolve) => { answer = resolve })
      Page({ onLoad() { wx.chooseImage({ success: () => this.setData({ text: 'taken' }) }); setTimeout(() => answer({ event: 'agree', buttonId: 'agree-btn' }), 20) } })`,
    )
    await phone.idle()
    expect(phone.errors.join('\n')).toContain("without a tap on an agreePrivacyAuthorization button with that id")
    expect(phone.device.privacyAgreed).toBe(false)
    phone.errors.length = 0
  })

  it('When the agreePrivacyAuthorization button is tapped and resolve names it, then the interface goes on and getPrivacySetting says no more is needed', async () => {
    const phone = await launch(
      `let answer
      wx.onNeedPrivacyAuthorization((resolve, info) => { answer = resolve; getCurrentPages()[0].setData({ text: '请同意 ' + info.referrer }) })
      Page({
        onLoad() { wx.getPrivacySetting({ success: (r) => this.setData({ before: String(r.needAuthorization) }) }); wx.requirePrivacyAuthorize({ success: () => wx.getPrivacySetting({ success: (r) => this.setData({ text: 'after ' + r.needAuthorization }) }) }) },
        agreed() { answer({ event: 'agree', buttonId: 'agree-btn' }) },
      })`,
      '<view>{{before}} {{text}}</view><button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="agreed">同意</button>',
    )
    expect(phone.screenText()).toContain('true 请同意 requirePrivacyAuthorize')
    await phone.tap(/^同意$/)
    expect(phone.screenText()).toContain('after false')
    expect(phone.device.privacyAgreed).toBe(true)
  })
})
