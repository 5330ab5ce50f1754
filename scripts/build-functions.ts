import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { cloudFunctions, triggeredFunctions } from '../server/functions'
import { functionPackageJson, functionConfigJson } from './cloud-function-folder'

/**
 * Bundles every cloud function (the app's, and those WeChat triggers) into cloudfunctions/<name>/index.js: one self-contained file for
 * Node, with wx-server-sdk left as the runtime dependency its package.json names, beside the
 * deploy folder's package.json and config.json (written from scripts/cloud-function-folder.ts).
 */
async function main() {
  const root = path.resolve(__dirname, '..')
  const entries: [string, string][] = [
    ...Object.keys(cloudFunctions).map((name): [string, string] => [name, `cloudMain(cloudFunctions[${JSON.stringify(name)}])`]),
    ...Object.entries(triggeredFunctions).map(([name, entry]): [string, string] => [name, `${entry}()`]),
  ]
  for (const [name, main] of entries) {
    const folder = path.join(root, 'cloudfunctions', name)
    mkdirSync(folder, { recursive: true })
    for (const [file, content] of [
      ['package.json', functionPackageJson(name)],
      ['config.json', functionConfigJson(name)],
    ] as const) {
      writeFileSync(path.join(folder, file), `${JSON.stringify(content, null, 2)}\n`)
    }
    await build({
      stdin: {
        contents: [
          `import { cloudMain, cloudPushMain, cloudTimerMain } from './server/functions/cloud-main'`,
          `import { cloudFunctions } from './server/functions'`,
          `export const main = ${main}`,
        ].join('\n'),
        resolveDir: root,
        sourcefile: `cloudfunctions/${name}/entry.ts`,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      outfile: path.join(folder, 'index.js'),
      external: ['wx-server-sdk', 'pg-native'],
      logLevel: 'warning',
      legalComments: 'none',
    })
    console.log(`cloudfunctions/${name}/index.js built`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
