import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * The packages the pure domain may use; no Taro, React, WeChat or database code. Tests may add fast-check.
 * Of dayjs only its UTC mode: the timezone plugin relies on Intl's timeZone, which Android WeChat ignores.
 */
const ALLOWED = [/^zod$/, /^dayjs(\/plugin\/utc)?$/]
const ALLOWED_IN_TESTS = [/^fast-check$/, /^node:(fs|path|child_process)$/]

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(name) ? [file] : []
  })
}

describe('the domain core stays pure', () => {
  it('When any file in src/core imports a package, then it is one the core may use, and relative imports stay inside the core', () => {
    const core = __dirname
    const problems = sourceFiles(core).flatMap((file) => {
      const isTest = /\.test\.tsx?$/.test(file)
      return [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+'([^']+)'/g)].flatMap(([, spec]) => {
        if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec).startsWith(core) ? [] : [`${file}: ${spec} leaves src/core`]
        const allowed = [...ALLOWED, ...(isTest ? ALLOWED_IN_TESTS : [])].some((pattern) => pattern.test(spec))
        return allowed ? [] : [`${file}: imports ${spec}`]
      })
    })
    expect(problems).toEqual([])
  })
})
