import { createContext, useContext } from 'react';
import { formatDateTime } from './format';

const ShopTimeZone = createContext<string | undefined>(undefined);

/** Gives every page the shop's time zone, so all of them show times on the same clock. */
export const ShopClockProvider = ShopTimeZone.Provider;

/** Formats instants on the shop's clock (the browser's when no shop is known), the same way on every page. */
export function useShopClock(): { dateTime(iso: string): string; date(iso: string): string; time(iso: string): string } {
  const timeZone = useContext(ShopTimeZone);
  return {
    dateTime: (iso) => formatDateTime(iso, timeZone),
    date: (iso) => new Date(iso).toLocaleDateString(undefined, { timeZone, dateStyle: 'medium' }),
    time: (iso) => new Date(iso).toLocaleTimeString(undefined, { timeZone, timeStyle: 'short' }),
  };
}
