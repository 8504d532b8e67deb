import type { BotMessages } from './bot-messages';

/** Chinese (Simplified) lines of the bot. */
export const messagesZh: BotMessages = {
  welcome: (shop, privacyUrl) =>
    `您好！我是${shop}的自动助手（机器人，不是真人）。我可以帮您查询订单、配送、退货等问题，也可以为您转接人工客服。我们如何处理您的聊天记录：${privacyUrl}`,
  privacyLink: '隐私声明',
  whereIsMyOrder: '我的订单在哪里？',
  shipping: '运送与配送',
  returns: '退货与退款',
  talkToPerson: '转人工客服',
  notSure: '抱歉，我不太确定您的意思。您是想问以下哪一项吗？您也可以转人工客服。',
  askOrderDetails: '我可以帮您查询。请发送您的订单号（例如 #1001）以及下单时使用的电邮或电话号码。',
  askOrderNumber: '谢谢。请问订单号是多少？格式如 #1001。',
  askOrderContact: '谢谢。请问下单时使用的电邮或电话号码是什么？',
  orderNotMatched: '抱歉，这些信息无法与订单匹配。请核对订单号以及下单时使用的电邮或电话号码。',
  orderTooManyAttempts: '多次核对未成功，订单查询已暂停一段时间。请稍后再试，或转人工客服。',
  orderStatus: (o) =>
    [`订单 ${o.name}：${o.cancelled ? '已取消' : o.fulfilment}。`, o.payment ? `付款：${o.payment}。` : '', o.tracking.length > 0 ? `物流：${o.tracking.join('，')}。` : '']
      .filter(Boolean)
      .join(''),
  fulfilment: { fulfilled: '已发货', partial: '部分发货', unfulfilled: '备货中', restocked: '已退回库存' },
  trackParcel: '查看物流',
  handoffStarted: (shop) => `我已请${shop}的工作人员加入。他们会在这里回复您，在此期间我不会插话。`,
  handoffAway: (day, time, zone) => `我们的团队目前不在线。工作人员将于${day} ${time}（${zone}时间）起回复您。`,
  handoffAwayUnknown: '我们的团队目前不在线。工作人员回来后会尽快回复您。',
  handoffWaiting: '正在等待工作人员加入…',
  handoffConnected: (shop) => `您现在正在与${shop}的工作人员聊天。`,
  handoffClosed: '您已回到自动助手。还有什么可以帮您？',
  days: { sun: '星期日', mon: '星期一', tue: '星期二', wed: '星期三', thu: '星期四', fri: '星期五', sat: '星期六' },
  textOnly: '我目前只能读取文字消息，请输入您的问题。',
};
