import { detectLanguage } from './index';

describe('detectLanguage', () => {
  it.each([
    ['where is my order?', undefined, 'en'],
    ['I want a refund please', undefined, 'en'],
    ['how much is shipping to Johor', undefined, 'en'],
    ['saya mahu batalkan pesanan', undefined, 'ms'],
    ['bila barang saya sampai?', undefined, 'ms'],
    ['terima kasih', 'en', 'ms'],
    ['berapa lama penghantaran ke Singapura', undefined, 'ms'],
    ['我的订单在哪里？', undefined, 'zh'],
    ['可以退货吗 order 1001', 'en', 'zh'],
    ['எனது ஆர்டர் எங்கே?', undefined, 'ta'],
    ['ok', 'ms', 'ms'],
    ['👍', 'ta', 'ta'],
    ['#1001', undefined, 'en'],
  ])('tells "%s" (conversation in %s) as %s', (text, prior, lang) => {
    expect(detectLanguage(text, prior).lang).toBe(lang);
  });
});
