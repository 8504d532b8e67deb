import { defaultShopSettings, isWithinBusinessHours, parseShopSettingsPatch, readShopSettings } from './shop-settings';

describe('shop settings', () => {
  it('gives a shop that never saved settings the documented defaults', () => {
    const settings = readShopSettings({ settings: {} });
    expect(settings).toEqual(defaultShopSettings);
    expect(settings).toMatchObject({ retentionDays: 30, kFloor: 10 });
  });

  it('keeps valid stored fields and falls back field by field when one is damaged', () => {
    const settings = readShopSettings({ settings: { retentionDays: 90, kFloor: 2, unrelated: { risk: true } } });
    expect(settings.retentionDays).toBe(90);
    expect(settings.kFloor).toBe(10);
  });

  it.each([
    [{ retentionDays: 0 }, 'retentionDays', /at least 1/],
    [{ retentionDays: 3651 }, 'retentionDays', /at most 3650/],
    [{ retentionDays: 2.5 }, 'retentionDays', /whole number/],
    [{ kFloor: 4 }, 'kFloor', /at least 5/],
    [{ botConfidenceThreshold: 1.2 }, 'botConfidenceThreshold', /between 0 and 1/],
    [{ dataProtectionContact: { name: 'Ana', email: 'not-an-email' } }, 'dataProtectionContact.email', /email/],
    [{ businessHours: { ...defaultShopSettings.businessHours, mon: { open: '18:00', close: '09:00' } } }, 'businessHours.mon.close', /close after/],
    [{ businessHours: { ...defaultShopSettings.businessHours, tue: { open: '9am', close: '17:00' } } }, 'businessHours.tue.open', /HH:MM/],
    [{ colour: 'blue' }, 'colour', /not a known setting/],
  ])('refuses %j naming %s', (input, path, message) => {
    const result = parseShopSettingsPatch(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('lists every problem at once', () => {
    const result = parseShopSettingsPatch({ retentionDays: -1, kFloor: 1, botConfidenceThreshold: 'high' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path).sort()).toEqual(['botConfidenceThreshold', 'kFloor', 'retentionDays']);
  });

  it('accepts a partial patch', () => {
    expect(parseShopSettingsPatch({ kFloor: 5, dataProtectionContact: { name: 'Dana Lim', email: 'dpo@shop.sg' } })).toEqual({
      ok: true,
      patch: { kFloor: 5, dataProtectionContact: { name: 'Dana Lim', email: 'dpo@shop.sg' } },
    });
  });

  it.each([
    ['2026-11-02T01:30:00Z', true], // Monday 09:30 in Singapore
    ['2026-11-02T00:59:00Z', false], // Monday 08:59
    ['2026-11-02T10:00:00Z', false], // Monday 18:00, closing time
    ['2026-11-07T03:00:00Z', false], // Saturday, closed
  ])('judges business hours on the shop clock at %s -> %s', (iso, open) => {
    expect(isWithinBusinessHours(defaultShopSettings.businessHours, 'Asia/Singapore', new Date(iso))).toBe(open);
  });
});
