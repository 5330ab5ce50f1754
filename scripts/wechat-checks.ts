import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as ci from 'miniprogram-ci'
import { packagesOf, type PackageFile, type WeappPackages } from './weapp-packages'

/**
 * WeChat's own checks of the weapp build, run offline through miniprogram-ci (the compiler of WeChat
 * DevTools): the 代码质量 scan and the code package as an upload compiles it. Used by
 * scripts/wechat-checks.test.ts, by the bench (compiled sizes) and by scripts/deploy.ts (the project
 * and the upload settings). Alone: `npm run check:wechat`.
 *
 * miniprogram-ci leaves a file watcher and a compiler process behind, which would keep the caller
 * (jest, the bench) from ever exiting; so checkCodeQuality and compiledPackage run it in a Node
 * process of their own (this file, as a script) that exits when the answer is written.
 */
const ROOT = path.resolve(__dirname, '..')

/** How the upload compiles the code: ES6 to ES5, then JS, WXML and WXSS minified. Deploy uploads with it. */
export const UPLOAD_SETTING = { es6: true, minify: true } as const

/**
 * 代码质量 items that do not pass, on purpose, and why. Every other item must pass.
 * lazyCodeLoading ("requiredComponents", 按需注入) stays off: with Taro's template rendering every
 * page imports ../../base.wxml, and Taro's own tracker still has the white screens it causes open
 * (#10885 base library 2.20.x "Path ../../base.wxml not found"; #14539 subpackage pages on 3.0.2;
 * #17766 on 3.8.6) with no fix in Taro 4.2.1 (nothing in @tarojs handles lazyCodeLoading). README has the evidence.
 */
export const QUALITY_EXCEPTIONS: Readonly<Record<string, string>> = {
  LAZYCODE_LOADING_OPEN: 'lazyCodeLoading 关闭：Taro 的页面都 import base.wxml，开启按需注入会白屏（Taro #10885、#14539、#17766 未修复）',
}

export type QualityItem = { name: string; success: boolean; text: string }

type ProjectOptions = { appid: string } & ({ privateKeyPath: string } | { offline: true })

/**
 * The mini-program project as miniprogram-ci sees it: the folder of project.config.json, with
 * everything but the mini-program root and project.config.json left out (node_modules, sources…).
 * Offline: a placeholder key and WeChat's default project attributes instead of asking WeChat's
 * servers for the AppID's (DESIGN: miniprogram-ci offline). Otherwise the upload key signs the calls.
 */
export function wechatProject(root: string, options: ProjectOptions): ci.Project {
  const miniprogramRoot = projectConfig(root).miniprogramRoot.replace(/^\.\/|\/+$/g, '')
  const ignores = readdirSync(root)
    .filter((name) => name !== miniprogramRoot && name !== 'project.config.json')
    .flatMap((name) => [name, `${name}/**`])
  const common = { appid: options.appid, type: 'miniProgram' as const, projectPath: root, ignores }
  if (!('offline' in options)) return new ci.Project({ ...common, privateKeyPath: options.privateKeyPath })
  // `attr` is read by miniprogram-ci (CIProject.attr) but missing from its option type.
  const offline = { ...common, privateKey: 'placeholder', attr: async () => ({ ...ci.DefaultProjectAttr }) }
  return new ci.Project(offline)
}

export function projectConfig(root: string): { appid: string; miniprogramRoot: string; cloudfunctionRoot: string } {
  return JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8'))
}

/** The weapp build's folder; throws, naming the command, when there is no build to check. */
export function builtMiniprogram(root: string): string {
  const dist = path.join(root, projectConfig(root).miniprogramRoot)
  if (!existsSync(path.join(dist, 'app.json'))) {
    throw new Error(`${path.relative(root, dist) || '.'}/app.json 不存在：先运行 npm run build:weapp（微信的检查要用 weapp 的构建）`)
  }
  return dist
}

/**
 * WeChat DevTools' 代码质量 scan of the build. miniprogram-ci counts a checker that throws as a pass
 * (and only logs the error), so a thrown checker is reported here as a failed item instead.
 */
export async function checkCodeQualityHere(root: string): Promise<QualityItem[]> {
  builtMiniprogram(root)
  const project = wechatProject(root, { appid: projectConfig(root).appid, offline: true })
  const thrown: string[] = []
  const consoleError = console.error
  console.error = (...args: unknown[]) => {
    if (args.some((arg) => arg instanceof Error)) thrown.push(args.map(String).join(' '))
    consoleError(...args)
  }
  try {
    const items = await ci.checkCodeQuality(project)
    const threw = thrown.length > 0 ? [{ name: 'CHECKER_THREW', success: false, text: thrown.join('; ') }] : []
    return [...items.map(({ name, success, text }) => ({ name: name ?? '', success: success === true, text: text ?? '' })), ...threw]
  } finally {
    console.error = consoleError
  }
}

/** The items that fail and are not a documented exception, as "NAME: text". */
export function qualityProblems(items: QualityItem[]): string[] {
  return items.filter((item) => !item.success && !(item.name in QUALITY_EXCEPTIONS)).map((item) => `${item.name}: ${item.text}`)
}

/** The compiled package: each file's path and bytes, and the code packages by its own app.json. */
export type CompiledPackage = { files: PackageFile[]; packages: WeappPackages }

/**
 * The code package exactly as `ci.upload` compiles it (UPLOAD_SETTING), and its sizes per code
 * package by the compiled app.json.
 */
async function compiledPackageHere(root: string): Promise<CompiledPackage> {
  builtMiniprogram(root)
  const project = wechatProject(root, { appid: projectConfig(root).appid, offline: true })
  const compiled = await ci.getCompiledResult({ project, version: '0.0.0', setting: UPLOAD_SETTING, onProgressUpdate: () => {} })
  const appJson = compiled['app.json']
  if (appJson === undefined) throw new Error(`the compiled package has no app.json (it has ${Object.keys(compiled).length} files)`)
  const files = Object.entries(compiled).map(([file, content]) => ({ file, bytes: Buffer.byteLength(content) }))
  return { files, packages: packagesOf(JSON.parse(String(appJson)), files) }
}

const CHECKS = { quality: checkCodeQualityHere, compiled: compiledPackageHere }
type Check = keyof typeof CHECKS

/** Runs one check in a Node process of its own and answers what it wrote; its output goes to ours. */
async function inOwnProcess<T>(check: Check, root: string): Promise<T> {
  builtMiniprogram(root)
  const folder = mkdtempSync(path.join(tmpdir(), 'wechat-checks-'))
  const answer = path.join(folder, 'answer.json')
  try {
    // Without the caller's NODE_OPTIONS (jest's): miniprogram-ci's compiler process must start within 20 s.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_OPTIONS'))
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--answer', check, root, answer], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] })
    const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve))
    if (code !== 0 || !existsSync(answer)) throw new Error(`miniprogram-ci ${check} check of ${root} failed (exit ${code})`)
    return JSON.parse(readFileSync(answer, 'utf8')) as T
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** WeChat DevTools' 代码质量 scan of the build in `root` (see checkCodeQualityHere). */
export function checkCodeQuality(root: string): Promise<QualityItem[]> {
  return inOwnProcess('quality', root)
}

/** The code package of the build in `root` as the upload compiles it (see compiledPackageHere). */
export function compiledPackage(root: string): Promise<CompiledPackage> {
  return inOwnProcess('compiled', root)
}

/**
 * Readies this process for miniprogram-ci. It forks its compiler with our execArgv and gives it 20 s
 * to start: a plain Node starts in time on a busy machine, one that first loads tsx may not ("fork
 * process timeout"). And it leaves empty md5-named folders in the working directory: that becomes
 * `scratch`, so they stay out of the repository.
 */
export function prepareForMiniprogramCi(scratch: string): void {
  process.execArgv.length = 0
  process.chdir(scratch)
}

async function main(args: string[]): Promise<number> {
  if (args[0] === '--answer') {
    const [, check, root, answer] = args
    prepareForMiniprogramCi(path.dirname(answer))
    writeFileSync(answer, JSON.stringify(await CHECKS[check as Check](root)))
    return 0
  }
  prepareForMiniprogramCi(mkdtempSync(path.join(tmpdir(), 'wechat-checks-')))
  const items = await checkCodeQualityHere(ROOT)
  for (const item of items) console.log(`${item.success ? '通过' : item.name in QUALITY_EXCEPTIONS ? '例外' : '未通过'}  ${item.name}  ${item.text}`)
  const { packages } = await compiledPackageHere(ROOT)
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
  console.log(`上传包（ES5、压缩）：主包 ${kb(packages.main.bytes)}，${packages.subpackages.map((p) => `${p.root}/ ${kb(p.bytes)}`).join('，')}，共 ${kb(packages.totalBytes)}`)
  const problems = qualityProblems(items)
  if (problems.length > 0) console.error(`代码质量未通过：\n- ${problems.join('\n- ')}`)
  return problems.length > 0 ? 1 : 0
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
