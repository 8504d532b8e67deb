import type { Signal } from './types';

const HOUR = 3_600_000;

/** Accounts per device, IP, /24 and address over the hour, day and week; orders per account. */
export const velocitySignal: Signal = ({ links, accountOrders, at }) => ({
  device_accounts_1h: links.device?.hour ?? 0,
  device_accounts_24h: links.device?.day ?? 0,
  device_accounts_7d: links.device?.week ?? 0,
  ip_accounts_1h: links.ip?.hour ?? 0,
  ip_accounts_24h: links.ip?.day ?? 0,
  ip_prefix_accounts_24h: links['ip-prefix']?.day ?? 0,
  address_accounts_7d: links.address?.week ?? 0,
  account_orders_1h: accountOrders.filter((order) => order.at >= at - HOUR).length,
  account_orders_24h: accountOrders.length,
});

/** Other accounts behind the same mailbox, phone or payment method; dot/plus-tag email variants. */
export const identityReuseSignal: Signal = ({ links, emailIsVariant }) => ({
  email_accounts_30d: links.email?.month ?? 0,
  phone_accounts_30d: links.phone?.month ?? 0,
  payment_accounts_30d: links.payment?.month ?? 0,
  email_variant: emailIsVariant ? 1 : 0,
});
