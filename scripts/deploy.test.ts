import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')

/** What a build writes: dist/app.json and each function's bundle, with their modification times (absent: null). */
function buildMarks(): Record<string, number | null> {
  const files = ['dist/app.json', ...readdirSync(path.join(ROOT, 'cloudfunctions')).map((name) => `cloudfunctions/${name}/index.js`)]
  return Object.fromEntries(files.map((file) => [file, existsSync(path.join(ROOT, file)) ? statSync(path.join(ROOT, file)).mtimeMs : null]))
}

/** `npm run deploy`'s script with only the given WECHAT_* variables set. */
function deployWith(variables: Record<string, string>) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('WECHAT_')))
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deploy.ts'], { cwd: ROOT, env: { ...env, ...variables }, encoding: 'utf8' })
}

describe('npm run deploy refuses before doing anything', () => {
  let keyFolder: string
  beforeAll(() => {
    keyFolder = mkdtempSync(path.join(tmpdir(), 'deploy-key-'))
    writeFileSync(path.join(keyFolder, 'private.wx0123456789abcdef.key'), '-----BEGIN RSA PRIVATE KEY-----\n')
  })
  afterAll(() => rmSync(keyFolder, { recursive: true, force: true }))

  it('When no variable is set, then it names all three in plain words, exits 1 and builds nothing', () => {
    const before = buildMarks()
    const run = deployWith({})
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toEqual([
      '缺少小程序 AppID：请设置环境变量 WECHAT_APPID（微信公众平台 → 开发管理 → 开发设置）',
      '缺少代码上传密钥：请设置环境变量 WECHAT_UPLOAD_KEY_PATH，指向从开发设置下载的 private.<AppID>.key 文件',
      '缺少云开发环境 ID：请设置环境变量 WECHAT_CLOUD_ENV（云开发控制台 → 设置 → 环境 ID）',
    ])
    expect(run.stdout).toBe('')
    expect(buildMarks()).toEqual(before)
  })

  it('When the upload key file does not exist, then it says so with the path given, and builds nothing', () => {
    const before = buildMarks()
    const missing = path.join(keyFolder, 'private.wx-missing.key')
    const run = deployWith({ WECHAT_APPID: 'wx0123456789abcdef', WECHAT_UPLOAD_KEY_PATH: missing, WECHAT_CLOUD_ENV: 'shanzhi-prod-1a2b3c' })
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toEqual([`代码上传密钥文件不存在：WECHAT_UPLOAD_KEY_PATH=${missing}`])
    expect(buildMarks()).toEqual(before)
  })

  it("When the AppID is the project's placeholder, then it refuses it, and builds nothing", () => {
    const before = buildMarks()
    const run = deployWith({
      WECHAT_APPID: 'touristappid',
      WECHAT_UPLOAD_KEY_PATH: path.join(keyFolder, 'private.wx0123456789abcdef.key'),
      WECHAT_CLOUD_ENV: 'shanzhi-prod-1a2b3c',
    })
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toEqual(['WECHAT_APPID「touristappid」不是小程序 AppID：应为 wx 开头的 18 位'])
    expect(buildMarks()).toEqual(before)
  })
})
