import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/** What the project shares with the empty app: the whole build configuration, none of the code. */
const COPIED = ['config', 'babel.config.js', 'tsconfig.json', 'project.config.json', 'package.json', 'src/types']

const EMPTY_SOURCES: Record<string, string> = {
  'src/app.ts': `import { PropsWithChildren } from 'react'\n\nfunction App({ children }: PropsWithChildren) {\n  return children\n}\n\nexport default App\n`,
  'src/app.config.ts': `export default defineAppConfig({ pages: ['pages/index/index'] })\n`,
  'src/pages/index/index.tsx': `import { View } from '@tarojs/components'\n\nexport default function Index() {\n  return <View />\n}\n`,
  'src/pages/index/index.config.ts': `export default definePageConfig({})\n`,
}

/**
 * Builds Taro's empty app (one empty page) for weapp with this project's config/, babel and
 * tsconfig in a temporary folder (node_modules linked, not installed), and gives the folder of
 * its build: the baseline the main package is compared with.
 */
export function buildEmptyTaroApp(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'shanzhi-empty-taro-'))
  for (const name of COPIED) cpSync(path.join(ROOT, name), path.join(folder, name), { recursive: true })
  cpSync(path.join(ROOT, 'src/index.html'), path.join(folder, 'src/index.html'))
  for (const [file, text] of Object.entries(EMPTY_SOURCES)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true })
    writeFileSync(path.join(folder, file), text)
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir')
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    console.error(`${stdout ?? ''}\n${stderr ?? ''}`.split('\n').slice(-60).join('\n'))
    throw new Error(`the empty Taro app did not build (in ${folder})`)
  }
  return path.join(folder, 'dist')
}
