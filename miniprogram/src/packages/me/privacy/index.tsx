import { Text, View } from '@tarojs/components';
import { Section } from '../../../components/section/Section';
import './index.scss';

/** The policy in plain Chinese; docs/privacy.md is the engineering side of the same promises. */
const SECTIONS: Array<{ title: string; lines: string[] }> = [
  {
    title: '我们收集什么',
    lines: [
      '微信身份：登录时微信提供的 openid，我们立即把它转换成无法还原的匿名编号，数据库里只保存匿名编号。',
      '你选择的“我的学校”：只有学校本身，不收集孩子的姓名、班级、年龄等信息。',
      '教师：通过邀请码绑定到管理员登记的教师记录（姓名、学校、学科），不收集身份证号和手机号。',
      '问卷答案：只记录学校、日期（不含具体时间）和答案，不记录你的微信身份。为保证每人只答一次，另存一个由加密算法生成、不含答案的标记。',
      '我们不要求手机号；浏览学校和教育集团无需登录；目前不使用位置信息。',
    ],
  },
  {
    title: '为什么收集',
    lines: [
      '识别你的身份与权限（家长、教师、集团管理员、区管理员），并优先展示你关心的学校和集团。',
      '统计问卷结果：人数不足时只显示“样本不足”，不会单独展示某一所学校的少量答卷。',
    ],
  },
  {
    title: '保存多久',
    lines: [
      '身份与绑定：保存到你解除绑定或删除数据为止。',
      '登录状态：2 小时后自动失效，退出登录或删除数据时立即失效。',
      '运行日志：保存 30 天，不含 openid、匿名编号、登录凭证或姓名。',
      '问卷答案：不含你的身份，删除数据后仍计入统计，但无法再与你关联。',
    ],
  },
  {
    title: '谁能看到',
    lines: [
      '只有你本人能看到自己的绑定。管理员只能看到其管理范围内的教师记录和问卷统计，看不到家长绑定了哪所学校，也看不到谁填写了哪份答卷。',
      '你在问卷中写下的文字会交给微信内容安全服务检查（为此，微信登录的登录状态在 2 小时内保留 openid）。除此之外，我们不向第三方提供你的信息。',
    ],
  },
  {
    title: '如何删除',
    lines: ['在“我的 → 删除我的数据”中可立即删除全部身份、绑定和登录状态，删除后无法恢复。也可以随时单独解除某所学校的绑定。'],
  },
  {
    title: '联系我们',
    lines: ['如有疑问，或需要查询、更正你的信息，请联系你所在区县教育局的集团化办学负责部门。'],
  },
];

export default function PrivacyPolicyPage() {
  return (
    <View className="page privacy">
      <Text className="privacy__title">隐私政策</Text>
      {SECTIONS.map((section) => (
        <Section key={section.title} title={section.title}>
          {section.lines.map((line) => (
            <Text key={line} className="privacy__line">
              {line}
            </Text>
          ))}
        </Section>
      ))}
    </View>
  );
}
