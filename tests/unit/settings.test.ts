import { describe, expect, it } from 'vitest';
import { readSettings, setSiteEnabled, type SettingsArea } from '../../data/schema/settings';

function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])),
    set: async (items) => void Object.assign(data, items),
  };
}

describe('settings', () => {
  it('defaults to on everywhere, showing unverified figures', async () => {
    expect(await readSettings(memoryArea())).toEqual({ disabledSites: [], showUnverified: true });
  });

  it('switches a site off and on again without touching others', async () => {
    const area = memoryArea({ disabledSites: ['other.example'] });
    await setSiteEnabled(area, 'news.example', false);
    expect(area.data.disabledSites).toEqual(['other.example', 'news.example']);
    await setSiteEnabled(area, 'news.example', true);
    expect(area.data.disabledSites).toEqual(['other.example']);
  });

  it('falls back to defaults when storage holds something malformed', async () => {
    expect(await readSettings(memoryArea({ disabledSites: 'everything', showUnverified: 'yes' }))).toEqual({ disabledSites: [], showUnverified: true });
  });
});
