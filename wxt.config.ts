import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See ARCHITECTURE.md for why each choice was made.
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Factmark',
    description: 'Checks the deal figures in news articles against verified facts, on your device.',
    permissions: ['storage', 'alarms'],
  },
});
