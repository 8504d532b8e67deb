import type { Signal } from './types';

/** How many blocklist entries match the account, device, email, phone, IP, address or payment method. */
export const blocklistSignal: Signal = ({ blocklistHits }) => ({ blocklist_hits: blocklistHits.length });
