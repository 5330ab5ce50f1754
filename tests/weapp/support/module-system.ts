import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/**
 * The mini-program's module system: every file of the package is a module that sees `require`,
 * `module` and `exports`, resolved relative to itself inside the package root. Like WeChat's own
 * `define` wrapper, it shadows the browser globals with `undefined`: there is no window or document.
 * Like WeChat, it keeps packages apart: a file of a subpackage may be required only from its own
 * subpackage (the runtime itself loads a page's file when the page opens), so main-package code that
 * reaches into a subpackage, or one subpackage into another, fails here as it fails on a phone.
 */
const SHADOWED_GLOBALS = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'XMLHttpRequest', 'WebSocket', 'fetch', 'process']

export type ModuleSystem = { require(file: string): unknown }

export function createModuleSystem(context: vm.Context, root: string, subpackageRoots: readonly string[] = []): ModuleSystem {
  const cache = new Map<string, { exports: unknown }>()

  function load(file: string): unknown {
    const cached = cache.get(file)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    cache.set(file, module)
    const source = readFileSync(file, 'utf8')
    const wrapped = `(function (require, module, exports, ${SHADOWED_GLOBALS.join(', ')}) {${source}\n})`
    const run = vm.runInContext(wrapped, context, { filename: file }) as (...args: unknown[]) => void
    run(requireFrom(path.dirname(file)), module, module.exports)
    return module.exports
  }

  function requireFrom(dir: string) {
    return (id: string) => {
      const file = resolve(dir, id)
      const from = packageOf(dir)
      const to = packageOf(file)
      if (to !== 'main' && to !== from) {
        throw new Error(`module "${id}" lies in subpackage ${to} and cannot be required from ${from === 'main' ? 'the main package' : `subpackage ${from}`}`)
      }
      return load(file)
    }
  }

  /** The package a file or folder of the package lies in: a subpackage's root, or 'main'. */
  function packageOf(place: string): string {
    const relative = `${path.relative(root, place).split(path.sep).join('/')}/`
    return subpackageRoots.find((sub) => relative.startsWith(`${sub.replace(/\/$/, '')}/`)) ?? 'main'
  }

  function resolve(dir: string, id: string): string {
    const absolute = id.startsWith('/') ? path.join(root, id) : path.resolve(dir, id)
    const file = absolute.endsWith('.js') ? absolute : `${absolute}.js`
    if (!file.startsWith(root + path.sep)) throw new Error(`module "${id}" lies outside the mini-program package`)
    return file
  }

  return { require: (file) => load(path.join(root, file)) }
}
