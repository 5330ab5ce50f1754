import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PLAIN_WORDS, type PlainWord } from '../core/plain-words'
import './term-explainer.css'

/** 「什么是授信？」: a tap opens what the word means in everyday words, another tap closes it. */
export function TermExplainer({ term }: { term: PlainWord }) {
  const [open, setOpen] = useState(false)
  return (
    <View className="term-explainer">
      <Text className="term-explainer__ask" onClick={() => setOpen(!open)}>
        {open ? `收起「${term}」的解释` : `什么是「${term}」？`}
      </Text>
      {open && <Text className="term-explainer__answer">{PLAIN_WORDS[term]}</Text>}
    </View>
  )
}
