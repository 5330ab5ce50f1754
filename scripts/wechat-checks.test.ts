import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { allPages, weappPackages } from './weapp-packages'
import { builtMiniprogram, checkCodeQuality, compiledPackage, QUALITY_EXCEPTIONS, qualityProblems } from './wechat-checks'

/** These run on dist/ as `npm run build:weapp` left it (npm test builds it first). */
const ROOT = path.resolve(__dirname, '..')

describe("WeChat's own checks of the weapp build (miniprogram-ci, offline)", () => {
  it('When there is no weapp build, then the checks refuse and name the command to run', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'wechat-checks-'))
    try {
      copyFileSync(path.join(ROOT, 'project.config.json'), path.join(empty, 'project.config.json'))
      expect(() => builtMiniprogram(empty)).toThrow('dist/app.json 不存在：先运行 npm run build:weapp')
      await expect(checkCodeQuality(empty)).rejects.toThrow('先运行 npm run build:weapp')
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it("When DevTools' 代码质量 scan runs on dist/, then every item passes but the documented lazyCodeLoading one", async () => {
    const items = await checkCodeQuality(ROOT)
    expect(qualityProblems(items)).toEqual([])
    expect(items.map((item) => item.name).sort()).toEqual([
      'CONTAINS_OTHER_PKG_COMPONENTS',
      'CONTAINS_OTHER_PKG_JS',
      'CONTAINS_UNUSED_CODES',
      'CONTAINS_UNUSED_COMPONENTS',
      'CONTAINS_UNUSED_PLUGINS',
      'IMAGE_AND_AUDIO_LIMIT',
      'JS_COMPRESS_OPEN',
      'LAZYCODE_LOADING_OPEN',
      'PACKAGE_SIZE_LIMIT',
      'WXML_COMPRESS_OPEN',
      'WXSS_COMPRESS_OPEN',
    ])
    // The exception is the real state of the build: turning lazyCodeLoading on has to revisit README's evidence.
    expect(items.filter((item) => !item.success).map((item) => item.name)).toEqual(Object.keys(QUALITY_EXCEPTIONS))
  }, 300_000)

  it('When the upload compiles dist/ (ES5, minified), then its package holds app.json and every page of it, within 2 MB a package', async () => {
    const { files, packages } = await compiledPackage(ROOT)
    const dist = builtMiniprogram(ROOT)
    expect(allPages(packages)).toEqual(allPages(weappPackages(dist)))
    const compiled = new Map(files.map((f) => [f.file, f.bytes]))
    const pageFiles = allPages(packages).flatMap((page) => ['js', 'json', 'wxml'].map((ext) => `${page}.${ext}`))
    expect(['app.json', ...pageFiles].filter((file) => !compiled.has(file))).toEqual([])
    // Minified as uploaded: Taro's shared template comes out smaller than built.
    expect(compiled.get('base.wxml')).toBeLessThan(statSync(path.join(dist, 'base.wxml')).size)
    for (const codePackage of [packages.main, ...packages.subpackages]) expect(codePackage.bytes).toBeLessThan(2 * 1024 * 1024)
  }, 600_000)
})
