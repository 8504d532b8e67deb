/** Word lists for the demo store. Made up, no real people. */
export const FIRST_NAMES = [
  'Wei Ling', 'Jun Jie', 'Hui Min', 'Kai', 'Xin Yi', 'Zhi Hao', 'Siti', 'Nur Aisyah', 'Muhammad', 'Hafiz',
  'Priya', 'Arjun', 'Kavitha', 'Ravi', 'Mei', 'Daniel', 'Rachel', 'Marcus', 'Chloe', 'Ethan',
  'Sarah', 'Ryan', 'Olivia', 'Lucas', 'Emma', 'Hiroshi', 'Yuki', 'Min-jun', 'Ji-woo', 'Anh',
  'Linh', 'Budi', 'Putri', 'Jose', 'Maria', 'James', 'Aiden', 'Grace', 'Farah', 'Irfan',
];
export const LAST_NAMES = [
  'Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Chan', 'Koh', 'Teo', 'Ang', 'Yeo', 'Tay', 'Ho',
  'Abdullah', 'Rahman', 'Ismail', 'Kumar', 'Nair', 'Pillai', 'Singh', 'Smith', 'Brown', 'Wilson',
  'Sato', 'Suzuki', 'Kim', 'Park', 'Nguyen', 'Tran', 'Santoso', 'Garcia', 'Reyes', 'Taylor',
];
export const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com.sg', 'hotmail.com', 'outlook.com', 'icloud.com', 'singnet.com.sg'];

/** Singapore streets with a typical postal sector prefix (first two digits of the 6-digit code). */
export const SG_STREETS: ReadonlyArray<{ street: string; sector: string; hdb: boolean }> = [
  { street: 'Ang Mo Kio Avenue 3', sector: '56', hdb: true },
  { street: 'Bedok North Street 1', sector: '46', hdb: true },
  { street: 'Tampines Street 81', sector: '52', hdb: true },
  { street: 'Jurong West Street 52', sector: '64', hdb: true },
  { street: 'Yishun Ring Road', sector: '76', hdb: true },
  { street: 'Toa Payoh Lorong 1', sector: '31', hdb: true },
  { street: 'Punggol Field', sector: '82', hdb: true },
  { street: 'Sengkang East Way', sector: '54', hdb: true },
  { street: 'Clementi Avenue 2', sector: '12', hdb: true },
  { street: 'Woodlands Drive 14', sector: '73', hdb: true },
  { street: 'Orchard Road', sector: '23', hdb: false },
  { street: 'Holland Road', sector: '27', hdb: false },
  { street: 'Bukit Timah Road', sector: '25', hdb: false },
  { street: 'East Coast Road', sector: '42', hdb: false },
  { street: 'River Valley Road', sector: '23', hdb: false },
];

export const INTL_CITIES: ReadonlyArray<{
  city: string; province: string | null; provinceCode: string | null; country: string; code: string;
  zip: () => string; streets: string[]; dial: string;
}> = [
  { city: 'Kuala Lumpur', province: 'Kuala Lumpur', provinceCode: 'KUL', country: 'Malaysia', code: 'MY', zip: () => '50450', streets: ['Jalan Ampang', 'Jalan Bukit Bintang'], dial: '+60' },
  { city: 'Johor Bahru', province: 'Johor', provinceCode: 'JHR', country: 'Malaysia', code: 'MY', zip: () => '80000', streets: ['Jalan Wong Ah Fook', 'Jalan Tebrau'], dial: '+60' },
  { city: 'Jakarta', province: 'DKI Jakarta', provinceCode: 'JK', country: 'Indonesia', code: 'ID', zip: () => '10310', streets: ['Jalan Thamrin', 'Jalan Sudirman'], dial: '+62' },
  { city: 'Sydney', province: 'New South Wales', provinceCode: 'NSW', country: 'Australia', code: 'AU', zip: () => '2000', streets: ['George Street', 'Pitt Street'], dial: '+61' },
  { city: 'London', province: null, provinceCode: null, country: 'United Kingdom', code: 'GB', zip: () => 'EC1A 1BB', streets: ['Baker Street', 'Fleet Street'], dial: '+44' },
  { city: 'San Francisco', province: 'California', provinceCode: 'CA', country: 'United States', code: 'US', zip: () => '94103', streets: ['Market Street', 'Mission Street'], dial: '+1' },
  { city: 'Hong Kong', province: null, provinceCode: null, country: 'Hong Kong SAR', code: 'HK', zip: () => '', streets: ['Nathan Road', 'Queen\'s Road Central'], dial: '+852' },
  { city: 'Tokyo', province: 'Tokyo', provinceCode: 'JP-13', country: 'Japan', code: 'JP', zip: () => '100-0005', streets: ['Marunouchi 1-chome', 'Ginza 4-chome'], dial: '+81' },
];

export const PRODUCT_KINDS: ReadonlyArray<{ type: string; nouns: string[]; price: [number, number]; tags: string[] }> = [
  { type: 'Tea', nouns: ['Oolong', 'Jasmine Green Tea', 'Earl Grey', 'Pu-erh', 'Teh Tarik Mix'], price: [8, 45], tags: ['food', 'tea'] },
  { type: 'Coffee', nouns: ['Kopi-O Beans', 'Cold Brew Pack', 'Espresso Blend', 'Drip Bags'], price: [12, 38], tags: ['food', 'coffee'] },
  { type: 'Snacks', nouns: ['Pineapple Tarts', 'Kaya Spread', 'Salted Egg Chips', 'Bak Kwa', 'Love Letters'], price: [6, 32], tags: ['food', 'snacks'] },
  { type: 'Apparel', nouns: ['Batik Shirt', 'Linen Tee', 'Rain Jacket', 'Canvas Tote', 'Sun Hat'], price: [19, 129], tags: ['fashion'] },
  { type: 'Home', nouns: ['Rattan Basket', 'Ceramic Mug', 'Peranakan Tile Coaster', 'Scented Candle'], price: [9, 89], tags: ['home'] },
  { type: 'Beauty', nouns: ['Sunscreen SPF50', 'Sheet Mask Set', 'Hand Cream', 'Lip Balm'], price: [7, 59], tags: ['beauty'] },
  { type: 'Electronics', nouns: ['Power Bank', 'USB-C Cable', 'Wireless Earbuds', 'Phone Stand'], price: [15, 199], tags: ['gadgets'] },
];
export const ADJECTIVES = ['Classic', 'Premium', 'Mini', 'Family', 'Limited', 'Everyday', 'Deluxe', 'Travel'];
export const VENDORS = ['Lion City Goods', 'Merlion Makers', 'Kampong Co.', 'Straits Supply'];
export const CARRIERS: ReadonlyArray<{ company: string; url: (n: string) => string; prefix: string }> = [
  { company: 'SingPost', prefix: 'SG', url: (n) => `https://www.singpost.com/track-items?trackingid=${n}` },
  { company: 'Ninja Van', prefix: 'NVSG', url: (n) => `https://www.ninjavan.co/en-sg/tracking?id=${n}` },
  { company: 'DHL Express', prefix: '', url: (n) => `https://www.dhl.com/sg-en/home/tracking.html?tracking-id=${n}` },
];
export const USER_AGENTS = ['iPhone Safari', 'Android Chrome', 'Windows Chrome', 'Mac Safari', 'iPad Safari'];
