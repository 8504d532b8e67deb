import { defaultShopSettings, parseShopSettingsPatch } from '../../db';
import { parseBotSettings } from './bot-settings';

describe('the bot reads the settings the admin saves', () => {
  it('takes the confidence threshold and the opening hours as the Settings page stores them', () => {
    const patch = parseShopSettingsPatch({ botConfidenceThreshold: 0.75, businessHours: { ...defaultShopSettings.businessHours, sat: { open: '10:00', close: '14:00' } } });
    if (!patch.ok) throw new Error('the admin refused its own settings');
    const { settings, problems } = parseBotSettings(patch.patch);
    expect(problems).toEqual([]);
    expect(settings.botThreshold).toBe(0.75);
    expect(settings.businessHours).toEqual({ ...defaultShopSettings.businessHours, sat: { open: '10:00', close: '14:00' } });
  });

  it('leaves unsaved settings unset, so the model keeps its threshold and the bot never claims the team is away', () => {
    expect(parseBotSettings({ retentionDays: 30 })).toEqual({ settings: {}, problems: [] });
    expect(parseBotSettings({ botConfidenceThreshold: null })).toEqual({ settings: {}, problems: [] });
  });

  it('drops a stored value that does not validate and names it, keeping the others', () => {
    const { settings, problems } = parseBotSettings({ botConfidenceThreshold: 3, businessHours: { mon: '09:00-18:00' }, privacyNoticeUrl: 'https://shop.example/privacy' });
    expect(problems).toEqual(['botConfidenceThreshold', 'businessHours']);
    expect(settings).toEqual({ privacyNoticeUrl: 'https://shop.example/privacy' });
  });
});
