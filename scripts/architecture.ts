import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * The layers of each tree, lowest first: a file may import its own layer or a lower one, never a higher
 * one. Tests may import anything; only tests may import a test-support folder.
 */
export const LAYERS: Record<'server' | 'src', string[][]> = {
  server: [['store'], ['platform'], ['services'], ['functions'], ['demo'], ['gateway']],
  src: [['core'], ['api'], ['hooks'], ['components', 'platform-chrome'], ['pages', 'work', 'shop', 'finance', 'org', 'matters', 'street', 'credit', 'personal', 'merchant'], ['app.ts', 'app.config.ts']],
}
const TEST_SUPPORT = 'test-support'
const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s+'(\.[^']*)'|import\(\s*'(\.[^']*)'\s*\)/g
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']

export type ImportEdge = { from: string; to: string }
export type Structure = { files: string[]; edges: ImportEdge[]; upward: string[]; unplaced: string[]; cycles: string[][] }

const isTest = (file: string) => /\.test\.tsx?$/.test(file)
const inTestSupport = (file: string) => file.split(path.sep).includes(TEST_SUPPORT)

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : []
  })
}

function resolveImport(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec)
  for (const ext of EXTENSIONS) {
    const file = base + ext
    try {
      if (statSync(file).isFile()) return file
    } catch {
      // not this spelling
    }
  }
  return null
}

/** The import graph of one tree (`server` or `src` under root), with what breaks its layering. */
export function structureOf(root: string, tree: keyof typeof LAYERS): Structure {
  const top = path.join(root, tree)
  const files = sourceFiles(top)
  const rankOf = (file: string) => {
    const first = path.relative(top, file).split(path.sep)[0]
    return LAYERS[tree].findIndex((layer) => layer.includes(first))
  }
  const edges: ImportEdge[] = []
  const upward: string[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2])
      if (!target || !target.startsWith(top + path.sep)) continue
      const [from, to] = [path.relative(root, file), path.relative(root, target)]
      edges.push({ from, to })
      if (isTest(file) || inTestSupport(from)) continue
      if (inTestSupport(to)) upward.push(`${from} → ${to} (test support outside tests)`)
      else if (rankOf(target) > rankOf(file)) upward.push(`${from} → ${to}`)
    }
  }
  const production = edges.filter((e) => !isTest(e.from) && !inTestSupport(e.from))
  const unplaced = files.filter((f) => !isTest(f) && !inTestSupport(f) && rankOf(f) < 0).map((f) => path.relative(root, f))
  return { files: files.map((f) => path.relative(root, f)), edges, upward, unplaced, cycles: cyclesOf(production) }
}

/** Strongly connected components of more than one file (Tarjan). */
function cyclesOf(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>()
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to])
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  let counter = 0
  const visit = (node: string) => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node)!, low.get(to)!))
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!))
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1) cycles.push(component.sort())
    }
  }
  for (const node of next.keys()) if (!index.has(node)) visit(node)
  return cycles
}
