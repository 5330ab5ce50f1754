import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const BUILDS = '.h5-builds'
const LIVE = path.join(ROOT, 'dist-h5')
const KEEP = 3

/**
 * `npm run build:h5` (and so `npm start`): builds the H5 app into a fresh folder under .h5-builds/
 * and then swaps it in at once: dist-h5 is a symlink, replaced by one rename, so a gateway that is
 * serving it sees the old build or the new one, never an emptied or half-written folder. The
 * newest few builds are kept; a failed build leaves the one being served as it was.
 */
function main() {
  const name = `${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}`
  const outputRoot = path.join(BUILDS, name)
  const taro = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    env: { ...process.env, H5_OUTPUT_ROOT: outputRoot },
    stdio: 'inherit',
  })
  if (taro.status !== 0 || !existsSync(path.join(ROOT, outputRoot, 'index.html'))) {
    rmSync(path.join(ROOT, outputRoot), { recursive: true, force: true })
    console.error('H5 没有构建成功，正在服务的版本保持不变 (H5 build failed; dist-h5 unchanged)')
    process.exit(taro.status || 1)
  }
  swapIn(outputRoot)
  prune()
  console.log(`dist-h5 -> ${outputRoot}`)
}

function swapIn(outputRoot: string) {
  // A checkout from before this script has a real dist-h5 folder: moved aside once (for that
  // moment the gateway answers "being updated"), a symlink from then on.
  if (existsSync(LIVE) && !lstatSync(LIVE).isSymbolicLink()) {
    mkdirSync(path.join(ROOT, BUILDS), { recursive: true })
    renameSync(LIVE, path.join(ROOT, BUILDS, `0-before-symlink-${process.pid}`))
  }
  const next = `${LIVE}.next-${process.pid}`
  symlinkSync(outputRoot, next)
  renameSync(next, LIVE)
}

function prune() {
  const builds = readdirSync(path.join(ROOT, BUILDS)).sort()
  for (const old of builds.slice(0, Math.max(0, builds.length - KEEP))) rmSync(path.join(ROOT, BUILDS, old), { recursive: true, force: true })
}

main()
