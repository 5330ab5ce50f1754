import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** One code package of a built mini-program: its root ('' for the main package), bytes and pages. */
export type CodePackage = { root: string; bytes: number; pages: string[] }

export type WeappPackages = {
  main: CodePackage
  subpackages: CodePackage[]
  totalBytes: number
  /** The largest files of the main package, biggest first (what dominates its size). */
  largestMainFiles: { file: string; bytes: number }[]
}

/** The parts of app.json that say which pages there are and which code package holds them. */
export type AppJson = {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

/** A file of a mini-program, by its path relative to the mini-program root ('/' separators). */
export type PackageFile = { file: string; bytes: number }

export function readAppJson(distDir: string): AppJson {
  return JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson
}

/**
 * The code packages of a weapp build in `distDir`, by its app.json. Sizes are the bytes of every
 * file as built (an upper bound of what WeChat counts).
 */
export function weappPackages(distDir: string): WeappPackages {
  return packagesOf(readAppJson(distDir), listFiles(distDir))
}

/**
 * Splits a mini-program's files into its code packages, by app.json: the main package is every file
 * outside the subpackage roots (subPackages[].root), each subpackage every file under its root.
 */
export function packagesOf(app: AppJson, files: PackageFile[]): WeappPackages {
  const declared = app.subPackages ?? app.subpackages ?? []
  const roots = declared.map((p) => p.root.replace(/^\/+|\/+$/g, ''))
  const rootOf = (file: string) => roots.find((root) => file === root || file.startsWith(`${root}/`)) ?? ''
  const bytesUnder = (root: string) => files.filter((f) => rootOf(f.file) === root).reduce((sum, f) => sum + f.bytes, 0)
  return {
    main: { root: '', bytes: bytesUnder(''), pages: app.pages },
    subpackages: declared.map((p, i) => ({ root: roots[i], bytes: bytesUnder(roots[i]), pages: p.pages.map((page) => `${roots[i]}/${page}`) })),
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    largestMainFiles: files
      .filter((f) => rootOf(f.file) === '')
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6),
  }
}

/** Every page of every package, as app.json names them with their package root ("work/inspect/index"). */
export function allPages(packages: WeappPackages): string[] {
  return [...packages.main.pages, ...packages.subpackages.flatMap((p) => p.pages)]
}

/** Every file below `dir`, as a path relative to it with '/' separators, and its size. */
export function listFiles(dir: string): PackageFile[] {
  const found: PackageFile[] = []
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const next = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(next)
      else if (entry.isFile()) found.push({ file: next, bytes: statSync(path.join(dir, next)).size })
    }
  }
  walk('')
  return found
}
