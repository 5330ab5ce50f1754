import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { version } from '../package.json'

/**
 * `npm run deploy`: builds the weapp and the cloud functions, runs WeChat's 代码质量 scan, then
 * uploads the mini-program (a development version, to be submitted for review on mp.weixin.qq.com)
 * and every cloud function under cloudfunctions/ with miniprogram-ci. What it needs comes from the
 * environment and is checked before anything is built or sent.
 */

const ROOT = path.resolve(__dirname, '..')
/** A mini-program AppID: "wx" and 16 hexadecimal digits. */
const APPID = /^wx[0-9a-f]{16}$/

/** Every reason not to start, one plain line each (Chinese, naming the variable); none: go ahead. */
export function deployRefusals(env: NodeJS.ProcessEnv): string[] {
  const refusals: string[] = []
  const appid = env.WECHAT_APPID ?? ''
  const keyPath = env.WECHAT_UPLOAD_KEY_PATH ?? ''
  if (!appid) refusals.push('缺少小程序 AppID：请设置环境变量 WECHAT_APPID（微信公众平台 → 开发管理 → 开发设置）')
  else if (!APPID.test(appid)) refusals.push(`WECHAT_APPID「${appid}」不是小程序 AppID：应为 wx 开头的 18 位`)
  if (!keyPath) refusals.push('缺少代码上传密钥：请设置环境变量 WECHAT_UPLOAD_KEY_PATH，指向从开发设置下载的 private.<AppID>.key 文件')
  else if (!existsSync(keyPath) || !statSync(keyPath).isFile()) refusals.push(`代码上传密钥文件不存在：WECHAT_UPLOAD_KEY_PATH=${keyPath}`)
  if (!env.WECHAT_CLOUD_ENV) refusals.push('缺少云开发环境 ID：请设置环境变量 WECHAT_CLOUD_ENV（云开发控制台 → 设置 → 环境 ID）')
  return refusals
}

/** The deploy folders under the cloud function root: every folder with a package.json. */
function functionFolders(cloudfunctionRoot: string): { name: string; folder: string }[] {
  const root = path.join(ROOT, cloudfunctionRoot)
  return readdirSync(root)
    .map((name) => ({ name, folder: path.join(root, name) }))
    .filter(({ folder }) => existsSync(path.join(folder, 'package.json')))
}

/** The upload's note: the commit it was built from, e.g. "3f2a1c9 村里的设置…". */
function releaseNote(): string {
  const git = spawnSync('git', ['log', '-1', '--format=%h %s'], { cwd: ROOT, encoding: 'utf8' })
  return (git.status === 0 ? git.stdout.trim() : '').slice(0, 100) || `version ${version}`
}

async function main() {
  const refusals = deployRefusals(process.env)
  if (refusals.length > 0) {
    for (const line of refusals) console.error(line)
    process.exit(1)
  }
  const appid = process.env.WECHAT_APPID!
  const cloudEnv = process.env.WECHAT_CLOUD_ENV!
  const keyPath = path.resolve(process.env.WECHAT_UPLOAD_KEY_PATH!)
  // Loaded only now: miniprogram-ci is slow to load and talks as soon as a project is made.
  const ci = await import('miniprogram-ci')
  const { checkCodeQualityHere, prepareForMiniprogramCi, projectConfig, qualityProblems, UPLOAD_SETTING, wechatProject } = await import('./wechat-checks')
  prepareForMiniprogramCi(mkdtempSync(path.join(tmpdir(), 'deploy-')))

  // The app calls the functions in the environment they are uploaded to.
  const build = spawnSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TARO_APP_CLOUD_ENV: cloudEnv } })
  if (build.status !== 0) throw new Error(`npm run build:weapp failed (exit ${build.status})`)
  const problems = qualityProblems(await checkCodeQualityHere(ROOT))
  if (problems.length > 0) throw new Error(`WeChat's 代码质量 scan fails, nothing uploaded:\n- ${problems.join('\n- ')}`)

  const project = wechatProject(ROOT, { appid, privateKeyPath: keyPath })
  const desc = releaseNote()
  console.log(`上传小程序 ${appid} 版本 ${version}（${desc}）…`)
  const uploaded = await ci.upload({ project, version, desc, setting: UPLOAD_SETTING, robot: 1, onProgressUpdate: () => {} })
  for (const p of uploaded.subPackageInfo ?? []) console.log(`  ${p.name} ${(p.size / 1024).toFixed(0)} KB`)
  for (const { name, folder } of functionFolders(projectConfig(ROOT).cloudfunctionRoot)) {
    console.log(`上传云函数 ${name} 到环境 ${cloudEnv}（云端安装依赖）…`)
    await ci.cloud.uploadFunction({ project, env: cloudEnv, name, path: folder, remoteNpmInstall: true })
  }
  console.log('已上传。到微信公众平台把这个开发版本设为体验版或提交审核。')
}

if (require.main === module) {
  // Exits explicitly: miniprogram-ci leaves a file watcher running.
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
