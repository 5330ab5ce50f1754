import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PRIVACY_DECLARATIONS, PRIVACY_INFO } from '../src/core/privacy-declarations'
import { checkPrivacyDeclarations, scanPrivacyCalls } from './privacy-scan'

const ROOT = path.resolve(__dirname, '..')

describe('the privacy declarations against the code', () => {
  it('When src/ is scanned, then every privacy interface it calls is declared for the file that calls it, and nothing declared is unused', () => {
    const calls = scanPrivacyCalls(ROOT)
    expect(calls.map((c) => c.api)).toEqual(expect.arrayContaining(['chooseImage', 'setClipboardData', 'saveImageToPhotosAlbum', 'chooseMessageFile']))
    expect(checkPrivacyDeclarations(calls, PRIVACY_DECLARATIONS)).toEqual([])
  })

  it('When README is read, then "Going live on WeChat" gives the operator every declared category and purpose to type', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Going live on WeChat'))
    for (const d of PRIVACY_DECLARATIONS) expect(section).toContain(`| ${PRIVACY_INFO[d.info]} (${d.info}) | ${d.purpose} | ${d.api} |`)
  })

  it('When every declaration is read, then it names a WeChat category, a purpose and what cannot be done without consent', () => {
    for (const d of PRIVACY_DECLARATIONS) {
      expect(Object.keys(PRIVACY_INFO)).toContain(d.info)
      expect(d.purpose.length).toBeGreaterThan(8)
      expect(d.withoutConsent).toMatch(/^不同意就不能/)
    }
  })

  it('When a page calls getLocation undeclared and another file copies with the clipboard, then the check fails naming both', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'privacy-'))
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
        writeFileSync(path.join(root, file), text)
      }
      write('src/pages/map/index.tsx', "import Taro from '@tarojs/taro'\n\nexport const where = () => Taro.getLocation({ type: 'gcj02' })\n")
      write('src/pages/share/index.tsx', "export const copy = (data: string) => wx.setClipboardData({ data })\n")
      write('src/pages/login/index.tsx', '<Button openType="getPhoneNumber" onGetPhoneNumber={save}>手机号</Button>\n')
      write('src/hooks/use-photo-uploads.ts', "let picked: Taro.chooseImage.SuccessCallbackResult\npicked = await Taro.chooseImage({ count: 1 })\n")
      const calls = scanPrivacyCalls(root)
      expect(checkPrivacyDeclarations(calls, PRIVACY_DECLARATIONS)).toEqual([
        'src/pages/login/index.tsx:1 calls button.getPhoneNumber, which src/core/privacy-declarations.ts does not declare',
        'src/pages/map/index.tsx:3 calls getLocation, which src/core/privacy-declarations.ts does not declare',
        'src/pages/share/index.tsx:1 calls setClipboardData, but the declaration of setClipboardData does not name this file',
        'setClipboardData is declared for src/pages/card/index.tsx, which no longer calls it',
        'setClipboardData is declared for src/pages/notices/bulletin.tsx, which no longer calls it',
        'saveImageToPhotosAlbum is declared for src/pages/notices/bulletin-poster.tsx, which no longer calls it',
        'chooseMessageFile is declared for src/api/pick-roster-file.ts, which no longer calls it',
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
