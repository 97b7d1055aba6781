export interface SiteSwitchProps {
  host: string;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}

/** The per-site on/off switch. */
export function SiteSwitch({ host, enabled, onChange }: SiteSwitchProps) {
  return (
    <label class="switch">
      <input type="checkbox" role="switch" checked={enabled} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />
      Factmark on <strong>{host}</strong>
    </label>
  );
}
