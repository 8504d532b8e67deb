/** What a blocked buyer reads, in one language. Plain and polite; never the staff-written reasons. */
export interface BlockedLines {
  refusal: string;
  appeal: string;
  appealOnWeb: string;
  askStatement: string;
  statementTooShort: string;
  askContact: string;
  skip: string;
  filed(reference: string, statusUrl: string): string;
  alreadyFiled(reference: string): string;
  failed: string;
  outcome(reference: string, message: string): string;
}

const en: BlockedLines = {
  refusal: "Sorry, we can't help with this chat or take orders from you right now. If you think this is a mistake, you can appeal and a person at the shop will review it.",
  appeal: 'Appeal',
  appealOnWeb: 'Appeal on the web',
  askStatement: 'Please tell us in a sentence or two why you think this is a mistake (at least 10 characters).',
  statementTooShort: 'Could you write a little more? At least a full sentence helps the reviewer.',
  askContact: 'Thanks. If you would like a reply by email or phone as well, type it now; otherwise press Skip.',
  skip: 'Skip',
  filed: (reference, statusUrl) => `Your appeal is filed. Your reference is ${reference}. A person will review it and we will reply here; you can also check its status at ${statusUrl}`,
  alreadyFiled: (reference) => `Your appeal ${reference} is waiting for review. We will reply here once a person has looked at it.`,
  failed: "Sorry, we couldn't file your appeal just now. Please try again, or use the web form.",
  outcome: (reference, message) => `An update on your appeal ${reference}: ${message}`,
};

const zh: BlockedLines = {
  refusal: '抱歉，我们目前无法在此聊天中为您提供服务，也无法接受您的订单。如果您认为这是误会，可以提出申诉，商店的工作人员会进行审核。',
  appeal: '申诉',
  appealOnWeb: '在网上申诉',
  askStatement: '请用一两句话说明您为什么认为这是误会（至少 10 个字）。',
  statementTooShort: '可以再多写一点吗？写一句完整的话会对审核人员有帮助。',
  askContact: '谢谢。如果您也希望通过电邮或电话收到回复，请现在输入；否则请按“跳过”。',
  skip: '跳过',
  filed: (reference, statusUrl) => `您的申诉已提交，参考编号是 ${reference}。工作人员审核后会在这里回复您；您也可以在 ${statusUrl} 查看进度。`,
  alreadyFiled: (reference) => `您的申诉 ${reference} 正在等待审核。工作人员处理后，我们会在这里回复您。`,
  failed: '抱歉，暂时无法提交您的申诉。请稍后再试，或使用网上表格。',
  outcome: (reference, message) => `关于您的申诉 ${reference} 的最新消息：${message}`,
};

const ms: BlockedLines = {
  refusal: 'Maaf, kami tidak dapat membantu dalam sembang ini atau menerima pesanan daripada anda buat masa ini. Jika anda rasa ini satu kesilapan, anda boleh membuat rayuan dan kakitangan kedai akan menyemaknya.',
  appeal: 'Rayuan',
  appealOnWeb: 'Rayuan di web',
  askStatement: 'Sila terangkan dalam satu atau dua ayat mengapa anda rasa ini satu kesilapan (sekurang-kurangnya 10 aksara).',
  statementTooShort: 'Boleh tulis sedikit lagi? Sekurang-kurangnya satu ayat penuh membantu penyemak.',
  askContact: 'Terima kasih. Jika anda mahu balasan melalui e-mel atau telefon juga, taipkannya sekarang; jika tidak, tekan Langkau.',
  skip: 'Langkau',
  filed: (reference, statusUrl) => `Rayuan anda telah dihantar. Nombor rujukan anda ialah ${reference}. Kakitangan kami akan menyemaknya dan membalas di sini; anda juga boleh menyemak statusnya di ${statusUrl}`,
  alreadyFiled: (reference) => `Rayuan anda ${reference} sedang menunggu semakan. Kami akan membalas di sini setelah kakitangan menyemaknya.`,
  failed: 'Maaf, kami tidak dapat menghantar rayuan anda sekarang. Sila cuba lagi, atau gunakan borang web.',
  outcome: (reference, message) => `Berita tentang rayuan anda ${reference}: ${message}`,
};

const ta: BlockedLines = {
  refusal: 'மன்னிக்கவும், இப்போது இந்த உரையாடலில் உங்களுக்கு உதவவோ உங்கள் ஆர்டர்களை ஏற்கவோ இயலாது. இது தவறு என்று நினைத்தால், நீங்கள் மேல்முறையீடு செய்யலாம்; கடையின் பணியாளர் ஒருவர் அதைப் பரிசீலிப்பார்.',
  appeal: 'மேல்முறையீடு',
  appealOnWeb: 'இணையத்தில் மேல்முறையீடு',
  askStatement: 'இது ஏன் தவறு என்று நினைக்கிறீர்கள் என்பதை ஓரிரு வாக்கியங்களில் கூறுங்கள் (குறைந்தது 10 எழுத்துகள்).',
  statementTooShort: 'இன்னும் சற்று எழுத முடியுமா? ஒரு முழு வாக்கியமாவது பரிசீலிப்பவருக்கு உதவும்.',
  askContact: 'நன்றி. மின்னஞ்சல் அல்லது தொலைபேசி மூலமும் பதில் வேண்டுமெனில், அதை இப்போது தட்டச்சு செய்யுங்கள்; இல்லையெனில் "தவிர்" என்பதை அழுத்துங்கள்.',
  skip: 'தவிர்',
  filed: (reference, statusUrl) => `உங்கள் மேல்முறையீடு பதிவு செய்யப்பட்டது. உங்கள் குறிப்பு எண் ${reference}. பணியாளர் ஒருவர் பரிசீலித்த பின் இங்கே பதிலளிப்போம்; அதன் நிலையை ${statusUrl} இல் பார்க்கலாம்.`,
  alreadyFiled: (reference) => `உங்கள் மேல்முறையீடு ${reference} பரிசீலனைக்காகக் காத்திருக்கிறது. பணியாளர் ஒருவர் பார்த்தவுடன் இங்கே பதிலளிப்போம்.`,
  failed: 'மன்னிக்கவும், உங்கள் மேல்முறையீட்டை இப்போது பதிவு செய்ய இயலவில்லை. மீண்டும் முயலுங்கள், அல்லது இணையப் படிவத்தைப் பயன்படுத்துங்கள்.',
  outcome: (reference, message) => `உங்கள் மேல்முறையீடு ${reference} பற்றிய தகவல்: ${message}`,
};

const byLanguage: Readonly<Record<string, BlockedLines>> = { en, zh, ms, ta };

/** The lines in a language the bot speaks; English for any other. */
export function blockedLinesFor(language: string | undefined): BlockedLines {
  return byLanguage[language ?? 'en'] ?? en;
}

/** The English lines (the default). */
export const blockedLines = en;

const lower = (pick: (lines: BlockedLines) => string) => new Set(Object.values(byLanguage).map((lines) => pick(lines).toLowerCase()));

/** "Appeal" and "Skip" in every language, so a button pressed before the language changed still works. */
export const appealWords: ReadonlySet<string> = lower((lines) => lines.appeal);
export const skipWords: ReadonlySet<string> = lower((lines) => lines.skip);
