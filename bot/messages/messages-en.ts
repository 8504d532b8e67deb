import type { BotMessages } from './bot-messages';

/** English lines of the bot. */
export const messagesEn: BotMessages = {
  welcome: (shop, privacyUrl) =>
    `Hi! I'm the automated assistant of ${shop}: a bot, not a person. I can help with orders, delivery, returns and more, and I can get you to a person. How we handle your chat: ${privacyUrl}`,
  privacyLink: 'Privacy notice',
  whereIsMyOrder: 'Where is my order?',
  shipping: 'Shipping and delivery',
  returns: 'Returns and refunds',
  talkToPerson: 'Talk to a person',
  notSure: "I'm not sure I understood that. Did you mean one of these? You can also talk to a person.",
  askOrderDetails: 'I can check that. Please send your order number (like #1001) and the email or phone number used at checkout.',
  askOrderNumber: 'Thanks. What is the order number? It looks like #1001.',
  askOrderContact: 'Thanks. What email or phone number did you use at checkout?',
  orderNotMatched: "I couldn't match those details to an order. Please check the order number and the email or phone number used at checkout.",
  orderTooManyAttempts: "That didn't match a few times, so I've paused order lookups for a while. Please try again later, or talk to a person.",
  orderStatus: (o) =>
    [
      `Order ${o.name}: ${o.cancelled ? 'cancelled' : o.fulfilment}.`,
      o.payment ? `Payment: ${o.payment}.` : '',
      o.tracking.length > 0 ? `Tracking: ${o.tracking.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  fulfilment: { fulfilled: 'shipped', partial: 'partly shipped', unfulfilled: 'being prepared', restocked: 'returned to stock' },
  trackParcel: 'Track parcel',
  handoffStarted: (shop) => `I've asked someone from ${shop} to join. They'll reply here, and I'll stay quiet until they're done.`,
  handoffAway: (day, time, zone) => `Our team is away right now. Someone will reply from ${day} ${time} (${zone} time).`,
  handoffAwayUnknown: 'Our team is away right now. Someone will reply as soon as they are back.',
  handoffWaiting: 'Waiting for a person to join…',
  handoffConnected: (shop) => `You're now chatting with a person from ${shop}.`,
  handoffClosed: "You're back with the automated assistant. How else can I help?",
  days: { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' },
  textOnly: 'I can only read text messages. Please type your question.',
};
