import { Text, View } from '@tarojs/components'
import { PRIVACY_DECLARATIONS, PRIVACY_INFO } from '../../core/privacy-declarations'
import { useElderMode } from '../../hooks/use-elder-mode'
import './index.css'

type Section = { title: string; lines: string[] }

const SECTIONS: Section[] = [
  {
    title: '我们记下您哪些信息',
    lines: [
      '您的名字，您家是哪一户、户里有谁、各人的股份（村里花名册上本来就有的）。',
      '您家的积分：每一笔加分、扣分，是谁记的，为什么。',
      '您拍的照片：申报、整改、巡查、议事时您自己拍的照片。',
      '您从哪个微信群点进来：只记是不是本村的群，不看群里的聊天。',
      '您的微信身份号（不是微信号，也看不到您的聊天和朋友）。',
    ],
  },
  {
    title: '为什么要记',
    lines: ['为了算积分、发分红、兑换商品，让村里的事情公开、说得清。', '不做广告，不卖给任何人。'],
  },
  {
    title: '谁能看到',
    lines: [
      '您家自己能看到您家的全部积分和照片。',
      '村干部、网格员只看他们管的那一片。',
      '公开栏上别人看到的名字会遮一部分（比如「张**」），照片要先经过微信的安全检查。',
      '银行：只有您家自己去申请「积分证明」，银行才看得到证明上写的积分和排名段，别的都看不到；银行每看一次，您都能查到。',
    ],
  },
  {
    title: '放多久',
    lines: [
      '积分和分红的记录是合作社的账，要一直留着，不能删改（改错只能另记一笔更正）。',
      '照片跟着它那件事留着；事情办完以后，村里可以按规定删掉。',
    ],
  },
  {
    title: '您想查看、导出或者撤回',
    lines: [
      '在「我的」里可以看到您的身份、您家的积分和申请。',
      '要导出或删除您的信息、要解除绑定，请找村委会或街道管理员办理。',
      '不想让我们用相册、剪切板：点右上角「···」→「设置」，关掉就行；关掉以后积分照常能看。',
    ],
  },
]

/** 隐私保护指引: written for a villager of seventy, large type, one idea a line. */
export default function PrivacyPage() {
  const elder = useElderMode()
  return (
    <View className={`screen privacy ${elder.rootClass}`}>
      {SECTIONS.map((section) => (
        <View key={section.title} className="card">
          <Text className="section-title">{section.title}</Text>
          {section.lines.map((line) => (
            <Text key={line} className="privacy__line">
              {line}
            </Text>
          ))}
        </View>
      ))}
      <View className="card">
        <Text className="section-title">手机上的哪些东西要先问您</Text>
        {PRIVACY_DECLARATIONS.map((d) => (
          <Text key={d.api} className="privacy__line">
            {PRIVACY_INFO[d.info]}：{d.purpose}。
          </Text>
        ))}
        <Text className="muted-text">第一次用到时会先问您，您点「同意」才会用。</Text>
      </View>
    </View>
  )
}
