import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The npm registry reachable from our build machines serves only Linux builds of packages with
 * native binaries, so `npm install` leaves the other platforms' optional packages (darwin, win32,
 * android…) out of package-lock.json, and `npm ci` then refuses the lock as incomplete. This adds
 * each missing optional platform package with the os/cpu its name states, so `npm ci` skips it here
 * and a machine of that platform fetches it by name and version. Run it after `npm install`.
 */
type LockEntry = { version?: string; optional?: boolean; os?: string[]; cpu?: string[]; optionalDependencies?: Record<string, string> }

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'netbsd', 'openbsd', 'aix']
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32']

/** "…-linux-arm-gnueabihf" → os linux, cpu arm; null when the name names no platform. */
export function platformOf(name: string): { os: string[]; cpu: string[] } | null {
  const parts = path.basename(name).split('-')
  const os = parts.find((p) => OS.includes(p))
  const cpu = parts.find((p) => CPU.includes(p))
  return os && cpu ? { os: [os], cpu: [cpu] } : null
}

/** Where Node would look for `name` from the package at `location`: its own node_modules, then each ancestor's. */
function lookupPaths(location: string, name: string): string[] {
  const paths: string[] = []
  let at = location
  while (at) {
    paths.push(`${at}/node_modules/${name}`)
    const cut = at.lastIndexOf('/node_modules/')
    at = cut === -1 ? '' : at.slice(0, cut)
  }
  paths.push(`node_modules/${name}`)
  return paths
}

export function completeLock(lock: { packages: Record<string, LockEntry> }): string[] {
  const added: string[] = []
  for (const [location, entry] of Object.entries(lock.packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      const platform = platformOf(name)
      if (!platform || !/^\d+\.\d+\.\d+$/.test(spec)) continue
      const found = lookupPaths(location, name).find((at) => lock.packages[at])
      if (found && lock.packages[found].version === spec) continue
      const at = found ? `${location ? `${location}/` : ''}node_modules/${name}` : `node_modules/${name}`
      if (lock.packages[at]) continue
      lock.packages[at] = { version: spec, optional: true, ...platform }
      added.push(`${at}@${spec}`)
    }
  }
  return added
}

if (require.main === module) {
  const file = path.resolve(__dirname, '../package-lock.json')
  const lock = JSON.parse(readFileSync(file, 'utf8'))
  const added = completeLock(lock)
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
  console.log(added.length ? `added ${added.length} optional platform packages:\n${added.join('\n')}` : 'package-lock.json is complete')
}
