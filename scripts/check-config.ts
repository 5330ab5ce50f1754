import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { cloudFunctions } from '../server/functions'

/**
 * What WeChat DevTools needs to open the project and deploy its functions: the roots named in
 * project.config.json exist, every cloud function has its deploy folder (package.json naming
 * wx-server-sdk, config.json, and — after a build — the bundled index.js, never an index.ts),
 * and the built app.json lists pages that were built.
 */
export function checkProjectConfig(root: string, { built }: { built: boolean }): string[] {
  const problems: string[] = []
  const project = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8'))
  const miniprogramRoot: string = project.miniprogramRoot
  const cloudfunctionRoot: string = project.cloudfunctionRoot
  if (!miniprogramRoot) problems.push('project.config.json names no miniprogramRoot')
  if (!cloudfunctionRoot) problems.push('project.config.json names no cloudfunctionRoot')
  if (cloudfunctionRoot && !existsSync(path.join(root, cloudfunctionRoot))) problems.push(`${cloudfunctionRoot} is missing`)

  for (const name of Object.keys(cloudFunctions)) {
    const folder = path.join(root, cloudfunctionRoot ?? '', name)
    const pkgFile = path.join(folder, 'package.json')
    if (!existsSync(pkgFile)) {
      problems.push(`${name}: no package.json in its deploy folder`)
      continue
    }
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'))
    if (!pkg.dependencies?.['wx-server-sdk']) problems.push(`${name}: package.json lacks wx-server-sdk`)
    if (!existsSync(path.join(folder, 'config.json'))) problems.push(`${name}: no config.json`)
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
    }
  }
  return problems
}

if (require.main === module) {
  const problems = checkProjectConfig(path.resolve(__dirname, '..'), { built: true })
  if (problems.length > 0) {
    console.error(`项目配置检查未通过:\n- ${problems.join('\n- ')}`)
    process.exit(1)
  }
  console.log('project.config.json, app.json and cloud function folders check out')
}
