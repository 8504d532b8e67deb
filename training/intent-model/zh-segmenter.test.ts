import { catalogTrainingExamples, loadDefaultCatalog } from '../default-catalog';
import { getLanguageTools } from './language-tools';
import { segmentChinese } from './zh-segmenter';

// NLP.js's own segmenter, compiled from the same dictionary (slow and large: loaded once, here only).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nlpjsDictionary = require('@nlpjs/lang-zh/src/dictionary') as { segment(text: string): string[] };

const texts = [
  ...catalogTrainingExamples(loadDefaultCatalog(), 'zh').map((e) => e.text),
  '我想查询我的订单状态，请问什么时候发货？',
  '訂單什麼時候到？我在新加坡', // traditional characters
  '我的订单号是#1042，邮箱是 tan@example.com',
  '可以用PayNow或者信用卡付款吗？USB线有货吗',
  '退货退款要多久？包裹还没到',
  '',
];

describe('Chinese segmentation with the dictionary headwords only', () => {
  beforeAll(() => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined); // NLP.js prints "Compiling dictionary"
  });

  it.each(texts.map((text) => [text]))('splits "%s" exactly as NLP.js does', (text) => {
    expect(segmentChinese(text)).toEqual(nlpjsDictionary.segment(text));
  });

  it('is what the zh language tools tokenise with', () => {
    expect(getLanguageTools('zh').tokenize('我想查询我的订单状态')).toEqual(['我', '想', '查询', '我', '的', '订单', '状态']);
  });
});
