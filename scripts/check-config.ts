import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { cloudFunctions, triggeredFunctions } from '../server/functions'
import { FUNCTION_NEEDS } from './cloud-function-folder'

/**
 * What WeChat DevTools needs to open the project and deploy its functions: the roots named in
 * project.config.json exist, every cloud function has its deploy folder (package.json naming
 * wx-server-sdk, config.json, and — after a build — the bundled index.js, never an index.ts;
 * its timer trigger, if any, a cron WeChat accepts), and the built app.json lists pages that were built.
 */
export function checkProjectConfig(root: string, { built }: { built: boolean }): string[] {
  const problems: string[] = []
  const project = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8'))
  const miniprogramRoot: string = project.miniprogramRoot
  const cloudfunctionRoot: string = project.cloudfunctionRoot
  if (!miniprogramRoot) problems.push('project.config.json names no miniprogramRoot')
  if (!cloudfunctionRoot) problems.push('project.config.json names no cloudfunctionRoot')
  if (cloudfunctionRoot && !existsSync(path.join(root, cloudfunctionRoot))) problems.push(`${cloudfunctionRoot} is missing`)

  for (const name of [...Object.keys(cloudFunctions), ...Object.keys(triggeredFunctions)]) {
    const folder = path.join(root, cloudfunctionRoot ?? '', name)
    const pkgFile = path.join(folder, 'package.json')
    if (!existsSync(pkgFile)) {
      problems.push(`${name}: no package.json in its deploy folder`)
      continue
    }
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'))
    if (!pkg.dependencies?.['wx-server-sdk']) problems.push(`${name}: package.json lacks wx-server-sdk`)
    if (!existsSync(path.join(folder, 'config.json'))) problems.push(`${name}: no config.json`)
    else problems.push(...triggerProblems(name, JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8'))))
    if (existsSync(path.join(folder, 'index.ts'))) problems.push(`${name}: index.ts beside index.js breaks WeChat's upload`)
    if (built && !existsSync(path.join(folder, 'index.js'))) problems.push(`${name}: index.js not built`)
  }

  if (built && miniprogramRoot) {
    const appJsonFile = path.join(root, miniprogramRoot, 'app.json')
    if (!existsSync(appJsonFile)) problems.push(`${miniprogramRoot}app.json is missing: build the weapp first`)
    else {
      const app = JSON.parse(readFileSync(appJsonFile, 'utf8'))
      const pages: string[] = [
        ...(app.pages ?? []),
        ...(app.subPackages ?? app.subpackages ?? []).flatMap((p: { root: string; pages: string[] }) =>
          p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`),
        ),
      ]
      if (pages.length === 0) problems.push('app.json lists no pages')
      for (const page of pages) {
        for (const ext of ['js', 'wxml']) {
          if (!existsSync(path.join(root, miniprogramRoot, `${page}.${ext}`))) problems.push(`page ${page}.${ext} was not built`)
        }
      }
      for (const tab of app.tabBar?.list ?? []) {
        if (!(app.pages ?? []).includes(tab.pagePath)) problems.push(`tab ${tab.pagePath} is not in the main package`)
      }
      problems.push(...checkPackageRules(app))
    }
  }
  return problems
}

interface AppPackages {
  pages?: string[]
  subPackages?: { root: string; name?: string; pages: string[] }[]
  subpackages?: { root: string; name?: string; pages: string[] }[]
  preloadRule?: Record<string, { packages: string[]; network?: string }>
}

/**
 * WeChat's rules for subpackages (developers.weixin.qq.com/miniprogram/dev/framework/subpackages.html,
 * …/preload.html) that its upload refuses or that fail only on a phone: no root inside another, no
 * main page under a root, and every preload rule on a page of the app naming a subpackage by name or root.
 */
export function checkPackageRules(app: AppPackages): string[] {
  const problems: string[] = []
  const subs = app.subPackages ?? app.subpackages ?? []
  const roots = subs.map((sub) => sub.root.replace(/\/$/, ''))
  const under = (file: string, root: string) => file.startsWith(`${root}/`)
  for (const root of roots) {
    for (const other of roots) if (other !== root && under(other, root)) problems.push(`subpackage ${other} lies inside subpackage ${root}`)
    for (const page of app.pages ?? []) if (under(page, root)) problems.push(`main page ${page} lies inside subpackage ${root}`)
  }
  const pages = [...(app.pages ?? []), ...subs.flatMap((sub, i) => sub.pages.map((page) => `${roots[i]}/${page}`))]
  const packageNames = new Set(subs.flatMap((sub, i) => [roots[i], ...(sub.name ? [sub.name] : [])]))
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    if (!pages.includes(page)) problems.push(`preloadRule names ${page}, which is no page of the app`)
    for (const name of rule.packages) if (!packageNames.has(name)) problems.push(`preloadRule of ${page} names ${name}, which is no subpackage`)
  }
  return problems
}

/** WeChat's cron fields in order, with the values each takes (timer trigger: 7 fields, seconds first, the year last). */
const CRON_FIELDS = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'weekday', min: 0, max: 6 },
  { name: 'year', min: 1970, max: 2099 },
] as const

/**
 * The values each field of a 7-field cron matches (`*`, `n`, `a-b`, `*\/n`, `a-b/n`, lists of these), or
 * the reason WeChat would refuse it.
 */
export function cronFields(cron: string): { fields: number[][] } | { problem: string } {
  const parts = cron.trim().split(/\s+/)
  if (parts.length !== CRON_FIELDS.length) return { problem: `cron "${cron}" has ${parts.length} fields; WeChat's timer needs 7 (second minute hour day month weekday year)` }
  const fields: number[][] = []
  for (const [i, part] of parts.entries()) {
    const { name, min, max } = CRON_FIELDS[i]
    const values = new Set<number>()
    for (const item of part.split(',')) {
      const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item)
      if (!match) return { problem: `cron "${cron}": ${name} "${part}" is not a value, range, list or step` }
      const from = match[1] === '*' ? min : Number(match[2])
      const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : from
      const step = match[4] !== undefined ? Number(match[4]) : 1
      if (from < min || to > max || from > to || step < 1) return { problem: `cron "${cron}": ${name} "${part}" is outside ${min}-${max}` }
      for (let v = from; v <= to; v += step) values.add(v)
    }
    fields.push([...values].sort((a, b) => a - b))
  }
  return { fields }
}

/** A config.json's timer triggers: at most one (WeChat's limit), each a cron WeChat accepts. */
export function triggerProblems(name: string, config: { triggers?: { name?: string; type?: string; config?: string }[] }): string[] {
  const triggers = config.triggers ?? []
  const problems: string[] = []
  if (triggers.length > 1) problems.push(`${name}: ${triggers.length} triggers; WeChat allows one timer per function`)
  for (const trigger of triggers) {
    if (trigger.type !== 'timer' || !trigger.name) problems.push(`${name}: a trigger needs a name and type "timer"`)
    const parsed = cronFields(trigger.config ?? '')
    if ('problem' in parsed) problems.push(`${name}: ${parsed.problem}`)
  }
  return problems
}

/** Folders under server/services/ that serve several functions rather than one. */
const SHARED_SERVICES = ['shared']

/**
 * The places every cloud function has, keyed by its name (README: "Adding a cloud function or
 * action"): its contract, its typed client and its entry in the client's contract table, its use
 * cases, its handler and its cloud needs. Names the places a function lacks, and service folders
 * that belong to no function.
 */
export function checkFunctionPlaces(
  root: string,
  names: string[],
  needs: Record<string, unknown> = FUNCTION_NEEDS,
  triggered: string[] = Object.keys(triggeredFunctions),
): string[] {
  const problems: string[] = []
  const has = (file: string) => existsSync(path.join(root, file))
  const contracts = has('src/api/function-contracts.ts') ? readFileSync(path.join(root, 'src/api/function-contracts.ts'), 'utf8') : ''
  for (const name of names) {
    const places = [`src/core/contracts/${name}.ts`, `src/api/${name}.ts`, `server/services/${name}/`, `server/functions/${name}.ts`]
    for (const place of places) if (!has(place)) problems.push(`${name}: no ${place}`)
    if (!new RegExp(`^\\s+${name}: Contract<`, 'm').test(contracts)) problems.push(`${name}: not in src/api/function-contracts.ts`)
    if (!(name in needs)) problems.push(`${name}: not in FUNCTION_NEEDS (scripts/cloud-function-folder.ts)`)
  }
  for (const name of triggered) {
    if (!(name in needs)) problems.push(`${name}: not in FUNCTION_NEEDS (scripts/cloud-function-folder.ts)`)
  }
  const services = path.join(root, 'server/services')
  const folders = existsSync(services) ? readdirSync(services, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : []
  for (const folder of folders) {
    if (!names.includes(folder) && !SHARED_SERVICES.includes(folder)) problems.push(`server/services/${folder}/ is no cloud function's`)
  }
  return problems
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..')
  const problems = [...checkProjectConfig(root, { built: true }), ...checkFunctionPlaces(root, Object.keys(cloudFunctions))]
  if (problems.length > 0) {
    console.error(`项目配置检查未通过:\n- ${problems.join('\n- ')}`)
    process.exit(1)
  }
  console.log('project.config.json, app.json and cloud function folders check out')
}
