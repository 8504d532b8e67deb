/*
 * Singapore postal districts by the first two digits (the postal sector) of a six-digit postal
 * code. Source: URA's "List of Postal Districts" (Urban Redevelopment Authority, Singapore),
 * districts 01-28 with their sectors and general locations. Sector 74 is not assigned.
 */
const DISTRICTS: Array<[number, string, number[]]> = [
  [1, "Raffles Place, Cecil, Marina, People's Park", [1, 2, 3, 4, 5, 6]],
  [2, 'Anson, Tanjong Pagar', [7, 8]],
  [3, 'Queenstown, Tiong Bahru', [14, 15, 16]],
  [4, 'Telok Blangah, Harbourfront', [9, 10]],
  [5, 'Pasir Panjang, Hong Leong Garden, Clementi New Town', [11, 12, 13]],
  [6, 'High Street, Beach Road (part)', [17]],
  [7, 'Middle Road, Golden Mile', [18, 19]],
  [8, 'Little India', [20, 21]],
  [9, 'Orchard, Cairnhill, River Valley', [22, 23]],
  [10, 'Ardmore, Bukit Timah, Holland Road, Tanglin', [24, 25, 26, 27]],
  [11, 'Watten Estate, Novena, Thomson', [28, 29, 30]],
  [12, 'Balestier, Toa Payoh, Serangoon', [31, 32, 33]],
  [13, 'Macpherson, Braddell', [34, 35, 36, 37]],
  [14, 'Geylang, Eunos', [38, 39, 40, 41]],
  [15, 'Katong, Joo Chiat, Amber Road', [42, 43, 44, 45]],
  [16, 'Bedok, Upper East Coast, Eastwood, Kew Drive', [46, 47, 48]],
  [17, 'Loyang, Changi', [49, 50, 81]],
  [18, 'Tampines, Pasir Ris', [51, 52]],
  [19, 'Serangoon Garden, Hougang, Punggol', [53, 54, 55, 82]],
  [20, 'Bishan, Ang Mo Kio', [56, 57]],
  [21, 'Upper Bukit Timah, Clementi Park, Ulu Pandan', [58, 59]],
  [22, 'Jurong', [60, 61, 62, 63, 64]],
  [23, 'Hillview, Dairy Farm, Bukit Panjang, Choa Chu Kang', [65, 66, 67, 68]],
  [24, 'Lim Chu Kang, Tengah', [69, 70, 71]],
  [25, 'Kranji, Woodgrove', [72, 73]],
  [26, 'Upper Thomson, Springleaf', [77, 78]],
  [27, 'Yishun, Sembawang', [75, 76]],
  [28, 'Seletar', [79, 80]],
];

const BY_SECTOR = new Map<number, { district: number; area: string }>();
for (const [district, area, sectors] of DISTRICTS)
  for (const sector of sectors) BY_SECTOR.set(sector, { district, area });

/** A Singapore postal district: number 1-28 and its general location. */
export interface PostalDistrict {
  district: number;
  area: string;
}

/**
 * The postal district of a Singapore postal code ("560123", "S(560123)", "Singapore 560123").
 * Returns undefined when the code is not six digits or its sector is unassigned.
 */
export function postalDistrict(postalCode: string): PostalDistrict | undefined {
  const digits = /(?<!\d)(\d{6})(?!\d)/.exec(postalCode)?.[1];
  if (!digits) return undefined;
  const found = BY_SECTOR.get(Number(digits.slice(0, 2)));
  return found ? { ...found } : undefined;
}
