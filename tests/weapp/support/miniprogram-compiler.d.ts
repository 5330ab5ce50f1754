/** WeChat's WXML/WXSS compilers (wcc/wcsc) as the npm package `miniprogram-compiler` exposes them. */
declare module 'miniprogram-compiler' {
  /** JS source whose body returns `$gwx`, the page renderer of every .wxml under `rootPath`. */
  export function wxmlToJs(rootPath: string, options?: { wxmlList?: string[]; wxsList?: string[] }): string
  export function wxssToJs(rootPath: string, options?: { wxssList?: string[] }): string
}
