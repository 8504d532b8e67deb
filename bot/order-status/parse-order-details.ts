/** Order details found in a buyer's message; each part is missing when not given. */
export interface OrderDetails {
  orderNumber?: number;
  email?: string;
  /** Digits only. */
  phone?: string;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const HASH_NUMBER = /#\s?(\d{1,12})\b/;
const LABELLED_NUMBER = /\b(?:order|pesanan|no\.?|number|订单号?|ஆர்டர்)\s*(?:no\.?|number|num|#|:)?\s*(\d{3,12})\b/iu;
const PHONE = /(?:\+|\b)\d[\d\s-]{6,16}\d\b/g;

/**
 * Picks an order number ("#1042", "order 1042") and an email or phone number out of a message.
 * A bare number counts as the order number only when nothing else in the message looks like one.
 */
export function parseOrderDetails(text: string): OrderDetails {
  const details: OrderDetails = {};
  const email = text.match(EMAIL)?.[0];
  if (email) details.email = email.toLowerCase();
  const withoutEmail = email ? text.replace(email, ' ') : text;
  const numbered = withoutEmail.match(HASH_NUMBER) ?? withoutEmail.match(LABELLED_NUMBER);
  let rest = withoutEmail;
  if (numbered?.[1]) {
    details.orderNumber = Number(numbered[1]);
    rest = withoutEmail.replace(numbered[0], ' ');
  }
  for (const candidate of rest.match(PHONE) ?? []) {
    const digits = candidate.replace(/\D/g, '');
    if (digits.length >= 8 && digits.length <= 15) {
      details.phone = digits;
      break;
    }
  }
  if (details.orderNumber === undefined) {
    const bare = rest.match(/^\s*(\d{3,7})\s*$/);
    if (bare?.[1]) details.orderNumber = Number(bare[1]);
  }
  return details;
}
