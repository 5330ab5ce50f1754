import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkProjectConfig } from './check-config'

const root = path.resolve(__dirname, '..')

describe('project configuration for WeChat DevTools', () => {
  it('When the repository is checked as committed, then every cloud function has its deploy folder', () => {
    expect(checkProjectConfig(root, { built: false })).toEqual([])
  })

  it('When a function folder holds an index.ts or lacks its package.json, then the check names it', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'cfg-'))
    try {
      cpSync(path.join(root, 'project.config.json'), path.join(copy, 'project.config.json'))
      cpSync(path.join(root, 'cloudfunctions'), path.join(copy, 'cloudfunctions'), { recursive: true })
      writeFileSync(path.join(copy, 'cloudfunctions/account/index.ts'), '')
      rmSync(path.join(copy, 'cloudfunctions/account/package.json'))
      expect(checkProjectConfig(copy, { built: false })).toEqual(['account: no package.json in its deploy folder'])
      writeFileSync(path.join(copy, 'cloudfunctions/account/package.json'), '{"dependencies":{}}')
      expect(checkProjectConfig(copy, { built: false })).toEqual([
        'account: package.json lacks wx-server-sdk',
        "account: index.ts beside index.js breaks WeChat's upload",
      ])
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
