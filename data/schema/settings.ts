// zod/mini: settings are read by the content script on every page, so size matters.
import * as z from 'zod/mini';

/** Reader settings, kept in `browser.storage.local` so every context reads them directly. */
export const Settings = z.object({
  /** Hosts where the reader switched Factmark off. */
  disabledSites: z._default(z.array(z.string().check(z.maxLength(255))).check(z.maxLength(10_000)), []),
  /** Whether figures with no matching fact are underlined at all. */
  showUnverified: z._default(z.boolean(), true),
});
export type Settings = z.infer<typeof Settings>;

/** The subset of a storage area the settings need (browser.storage.local in the extension). */
export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEYS = ['disabledSites', 'showUnverified'];

/** Reads settings; anything stored in a wrong shape falls back to the default. */
export async function readSettings(area: SettingsArea): Promise<Settings> {
  const raw = await area.get(KEYS);
  const parsed = Settings.safeParse(raw);
  return parsed.success ? parsed.data : Settings.parse({});
}

/** Switches Factmark on or off for one host. */
export async function setSiteEnabled(area: SettingsArea, host: string, enabled: boolean): Promise<void> {
  const { disabledSites } = await readSettings(area);
  const others = disabledSites.filter((h) => h !== host);
  await area.set({ disabledSites: enabled ? others : [...others, host] });
}
