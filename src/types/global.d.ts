/// <reference types="@tarojs/taro" />

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
    TARO_APP_CLOUD_ENV?: string
    TARO_APP_PLATE_LINK?: string
  }
}
