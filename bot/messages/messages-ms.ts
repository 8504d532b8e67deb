import type { BotMessages } from './bot-messages';

/** Malay lines of the bot. */
export const messagesMs: BotMessages = {
  welcome: (shop, privacyUrl) =>
    `Hai! Saya pembantu automatik ${shop}: sebuah bot, bukan manusia. Saya boleh bantu tentang pesanan, penghantaran, pemulangan dan lain-lain, dan boleh sambungkan anda kepada kakitangan kami. Cara kami mengendalikan sembang anda: ${privacyUrl}`,
  privacyLink: 'Notis privasi',
  whereIsMyOrder: 'Di mana pesanan saya?',
  shipping: 'Penghantaran',
  returns: 'Pemulangan dan bayaran balik',
  talkToPerson: 'Bercakap dengan orang',
  notSure: 'Maaf, saya kurang pasti maksud anda. Adakah anda maksudkan salah satu daripada ini? Anda juga boleh bercakap dengan orang.',
  askOrderDetails: 'Saya boleh semak. Sila hantar nombor pesanan anda (contohnya #1001) dan e-mel atau nombor telefon yang digunakan semasa pembayaran.',
  askOrderNumber: 'Terima kasih. Apakah nombor pesanan anda? Contohnya #1001.',
  askOrderContact: 'Terima kasih. Apakah e-mel atau nombor telefon yang digunakan semasa pembayaran?',
  orderNotMatched: 'Saya tidak dapat memadankan butiran itu dengan pesanan. Sila semak nombor pesanan dan e-mel atau nombor telefon yang digunakan semasa pembayaran.',
  orderTooManyAttempts: 'Butiran tidak sepadan beberapa kali, jadi semakan pesanan dihentikan seketika. Sila cuba lagi nanti, atau bercakap dengan orang.',
  orderStatus: (o) =>
    [
      `Pesanan ${o.name}: ${o.cancelled ? 'dibatalkan' : o.fulfilment}.`,
      o.payment ? `Bayaran: ${o.payment}.` : '',
      o.tracking.length > 0 ? `Penjejakan: ${o.tracking.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  fulfilment: { fulfilled: 'telah dihantar', partial: 'sebahagian dihantar', unfulfilled: 'sedang disediakan', restocked: 'dikembalikan ke stok' },
  trackParcel: 'Jejak bungkusan',
  handoffStarted: (shop) => `Saya telah meminta kakitangan ${shop} untuk menyertai. Mereka akan membalas di sini, dan saya akan berdiam sehingga mereka selesai.`,
  handoffAway: (day, time, zone) => `Pasukan kami tiada sekarang. Seseorang akan membalas mulai ${day} ${time} (waktu ${zone}).`,
  handoffAwayUnknown: 'Pasukan kami tiada sekarang. Seseorang akan membalas sebaik sahaja mereka kembali.',
  handoffWaiting: 'Menunggu kakitangan menyertai…',
  handoffConnected: (shop) => `Anda kini bersembang dengan kakitangan ${shop}.`,
  handoffClosed: 'Anda kembali bersama pembantu automatik. Apa lagi yang boleh saya bantu?',
  days: { sun: 'Ahad', mon: 'Isnin', tue: 'Selasa', wed: 'Rabu', thu: 'Khamis', fri: 'Jumaat', sat: 'Sabtu' },
  textOnly: 'Saya hanya boleh membaca mesej teks. Sila taip soalan anda.',
};
