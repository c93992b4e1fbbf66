import type { Decorator, Preview } from '@storybook/react-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';
import { RecordingServiceTestProvider } from '../src/testing';
import '../components/styles.css';
import { emulatorParameters } from './emulator';

// One worker for the whole Storybook; each story brings its own emulator through `parameters.msw`.
initialize({ onUnhandledRequest: 'bypass', quiet: true });

/** Every story renders inside a fresh provider (fresh client and QueryClient) pointed at the emulator. */
const withRecordingService: Decorator = (Story) => (
  <RecordingServiceTestProvider config={{ retry: { attempts: 2 } }}>
    <Story />
  </RecordingServiceTestProvider>
);

const preview: Preview = {
  loaders: [mswLoader],
  decorators: [withRecordingService],
  parameters: {
    ...emulatorParameters(),
    a11y: { test: 'error' },
  },
};

export default preview;
