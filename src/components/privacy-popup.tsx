import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { agreePrivacy, declinePrivacy, onPrivacyRequest, PRIVACY_AGREE_BUTTON_ID, privacyPopupShown, type PrivacyRequest } from '../api/privacy'
import { withoutConsentText } from '../core/privacy-declarations'
import { BigButton } from './big-button'
import './privacy-popup.css'

/**
 * The consent step WeChat asks for before a privacy interface: shown over the page (nothing typed
 * into the form underneath is lost) when the app first takes a photo, copies or saves. 同意 is a
 * button with open-type="agreePrivacyAuthorization"; 不同意 says plainly what cannot be done.
 */
export function PrivacyPopup() {
  const [request, setRequest] = useState<PrivacyRequest>(null)
  const [declined, setDeclined] = useState<string | null>(null)
  useEffect(() => onPrivacyRequest(setRequest), [])
  useEffect(() => {
    if (request) privacyPopupShown()
  }, [request])

  if (declined) {
    return (
      <View className="privacy-popup">
        <View className="privacy-popup__box">
          <Text className="privacy-popup__title">您没有同意</Text>
          <Text className="privacy-popup__text">{declined}</Text>
          <BigButton onClick={() => setDeclined(null)}>知道了</BigButton>
        </View>
      </View>
    )
  }
  if (!request) return null
  return (
    <View className="privacy-popup">
      <View className="privacy-popup__box">
        <Text className="privacy-popup__title">用之前，请您看一看</Text>
        <Text className="privacy-popup__text">
          这一步要用到您手机上的照片、相册、剪切板或文件。我们只把它们用在村里的积分事务上，不卖给任何人。
        </Text>
        <View className="privacy-popup__link" onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
          <Text>看《善治积分隐私保护指引》</Text>
        </View>
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          className="big-button big-button--primary"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={agreePrivacy}
        >
          同意
        </Button>
        <BigButton
          kind="plain"
          onClick={() => {
            setDeclined(withoutConsentText(request.referrer))
            declinePrivacy()
          }}
        >
          不同意
        </BigButton>
      </View>
    </View>
  )
}
