import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // mockServiceWorker.js: the MSW worker through which every story talks to the in-browser emulator.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // react-docgen (Babel) rather than react-docgen-typescript: no dependency on the TypeScript JS API.
  typescript: { reactDocgen: 'react-docgen' },
};

export default config;
