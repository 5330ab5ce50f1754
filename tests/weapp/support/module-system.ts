import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/**
 * The mini-program's module system: every file of the package is a module that sees `require`,
 * `module` and `exports`, resolved relative to itself inside the package root. Like WeChat's own
 * `define` wrapper, it shadows the browser globals with `undefined`: there is no window or document.
 */
const SHADOWED_GLOBALS = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'XMLHttpRequest', 'WebSocket', 'fetch', 'process']

export type ModuleSystem = { require(file: string): unknown }

export function createModuleSystem(context: vm.Context, root: string): ModuleSystem {
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
    return (id: string) => load(resolve(dir, id))
  }

  function resolve(dir: string, id: string): string {
    const absolute = id.startsWith('/') ? path.join(root, id) : path.resolve(dir, id)
    const file = absolute.endsWith('.js') ? absolute : `${absolute}.js`
    if (!file.startsWith(root + path.sep)) throw new Error(`module "${id}" lies outside the mini-program package`)
    return file
  }

  return { require: (file) => load(path.join(root, file)) }
}
