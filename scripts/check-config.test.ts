import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cloudFunctions } from '../server/functions'
import { loadAppConfig } from './app-config'
import { checkFunctionPlaces, checkPackageRules, checkProjectConfig, cronFields, triggerProblems } from './check-config'
import { functionConfigJson } from './cloud-function-folder'

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

  it('When the app config is checked, then its subpackages and preload rules follow WeChat\'s rules, and only the tab pages load at start', () => {
    const appConfig = loadAppConfig()
    expect(checkPackageRules(appConfig)).toEqual([])
    expect(appConfig.pages).toEqual(appConfig.tabBar?.list.map((tab) => tab.pagePath))
  })

  it('When a root lies inside another, a main page inside a root, or a preload names no page or package, then the check names each', () => {
    expect(
      checkPackageRules({
        pages: ['pages/home/index', 'pages/card/index'],
        subPackages: [
          { root: 'pages/card', name: 'card', pages: ['index'] },
          { root: 'pages/card/extra/', pages: ['index'] },
        ],
        preloadRule: {
          'pages/home/index': { packages: ['card', 'pages/card/extra', 'notices'] },
          'pages/gone/index': { packages: [] },
        },
      }),
    ).toEqual([
      'subpackage pages/card/extra lies inside subpackage pages/card',
      'main page pages/card/index lies inside subpackage pages/card',
      'preloadRule of pages/home/index names notices, which is no subpackage',
      'preloadRule names pages/gone/index, which is no page of the app',
    ])
  })

  it('When the repository is checked as committed, then every cloud function has its contract, client, use cases, handler and needs, and every services folder is a function’s', () => {
    expect(Object.keys(cloudFunctions).length).toBeGreaterThanOrEqual(9)
    expect(checkFunctionPlaces(root, Object.keys(cloudFunctions))).toEqual([])
  })

  it('When a new function has only its handler and a services folder belongs to no function, then the check names each missing place', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'places-'))
    try {
      const write = (file: string, text = '') => {
        mkdirSync(path.dirname(path.join(copy, file)), { recursive: true })
        writeFileSync(path.join(copy, file), text)
      }
      for (const file of ['src/core/contracts/account.ts', 'src/api/account.ts', 'server/services/account/account.ts', 'server/functions/account.ts']) write(file)
      write('src/api/function-contracts.ts', 'export type FunctionContracts = {\n  account: Contract<typeof accountInputs, AccountOutputs>\n}\n')
      write('server/functions/merchant.ts')
      write('server/services/shared/caller.ts')
      write('server/services/shop/goods.ts')
      expect(checkFunctionPlaces(copy, ['account', 'merchant'], { account: {} }, ['timer'])).toEqual([
        'merchant: no src/core/contracts/merchant.ts',
        'merchant: no src/api/merchant.ts',
        'merchant: no server/services/merchant/',
        'merchant: not in src/api/function-contracts.ts',
        'merchant: not in FUNCTION_NEEDS (scripts/cloud-function-folder.ts)',
        'timer: not in FUNCTION_NEEDS (scripts/cloud-function-folder.ts)',
        "server/services/shop/ is no cloud function's",
      ])
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })

  it('When the build writes the timer function, then its one trigger is a 7-field cron firing every 10 minutes, and the committed config.json is what the build writes', () => {
    const written = functionConfigJson('timer')
    expect(JSON.parse(readFileSync(path.join(root, 'cloudfunctions/timer/config.json'), 'utf8'))).toEqual(written)
    expect(written.triggers).toHaveLength(1)
    const parsed = cronFields(written.triggers![0].config)
    if (!('fields' in parsed)) throw new Error(parsed.problem)
    const [seconds, minutes, hours, days, months, weekdays] = parsed.fields
    expect(seconds).toEqual([0])
    expect(minutes).toEqual([0, 10, 20, 30, 40, 50])
    expect([hours.length, days.length, months.length, weekdays.length]).toEqual([24, 31, 12, 7])
    expect(triggerProblems('timer', written)).toEqual([])
  })

  it('When a timer trigger has a 6-field (Linux-style) or out-of-range cron, or two triggers, then the check names it', () => {
    expect(triggerProblems('timer', { triggers: [{ name: 't', type: 'timer', config: '*/10 * * * * *' }] })).toEqual([
      'timer: cron "*/10 * * * * *" has 6 fields; WeChat\'s timer needs 7 (second minute hour day month weekday year)',
    ])
    expect(triggerProblems('timer', { triggers: [{ name: 't', type: 'timer', config: '0 0 24 * * * *' }] })).toEqual(['timer: cron "0 0 24 * * * *": hour "24" is outside 0-23'])
    const two = { triggers: [{ name: 'a', type: 'timer', config: '0 0 2 * * * *' }, { name: 'b', type: 'timer', config: '0 0 3 * * * *' }] }
    expect(triggerProblems('timer', two)).toEqual(['timer: 2 triggers; WeChat allows one timer per function'])
  })
})
