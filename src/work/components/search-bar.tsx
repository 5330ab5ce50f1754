import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../components/big-button'
import './search-bar.css'

type Props = {
  placeholder: string
  onSearch: (text: string) => void
}

/** A large search box; searching happens on the 搜索 button or the keyboard's confirm key. */
export function SearchBar({ placeholder, onSearch }: Props) {
  const [text, setText] = useState('')
  return (
    <View className="search-bar">
      <Input
        className="search-bar__input"
        type="text"
        value={text}
        placeholder={placeholder}
        confirmType="search"
        maxlength={20}
        onInput={(event) => setText(event.detail.value)}
        onConfirm={(event) => onSearch(event.detail.value)}
      />
      <View className="search-bar__button">
        <BigButton onClick={() => onSearch(text)}>搜索</BigButton>
      </View>
    </View>
  )
}
