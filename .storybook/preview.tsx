import type { Decorator, Preview } from '@storybook/react-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';
import { useEffect, useState, type ReactNode } from 'react';
import { configure } from 'storybook/test';
import { RecordingServiceTestProvider, type RecordingEmulatorOptions } from '../src/testing';
import { SignedInAs } from '../stories/support';
import '../components/styles.css';
import { DocsPage } from './DocsPage';
import { createStoryEmulator, storyEmulatorHandlers, StoryEmulatorContext } from './emulator';
import {
  DEFAULT_GLOBALS,
  emulatorOptionsOf,
  globalUser,
  LOCALE_MESSAGES,
  storyGlobals,
  type StoryGlobals,
} from './globals';

// The emulator answers within milliseconds, but sign-in, retries and real media take a few seconds in CI.
configure({ asyncUtilTimeout: 15_000 });

// One worker for the whole Storybook, routing each story's requests to that story's own emulator.
initialize({ onUnhandledRequest: 'bypass', quiet: true }, storyEmulatorHandlers);

/** One rendered story's emulator and provider; remounted (so rebuilt) whenever its key changes. */
function StoryService({
  options,
  user,
  locale,
  children,
}: {
  options: RecordingEmulatorOptions;
  user: string | null | undefined;
  locale: StoryGlobals['locale'];
  children: ReactNode;
}): ReactNode {
  const [story] = useState(() => createStoryEmulator(options));
  useEffect(() => () => story.dispose(), [story]);
  const authorizationPath = story.emulator.paths.authorizationPath;
  return (
    <StoryEmulatorContext.Provider value={story}>
      <RecordingServiceTestProvider
        config={{
          host: story.host,
          authServer: { host: story.host, isSecure: true, authorizationPath },
          retry: { attempts: 2 },
        }}
        messages={LOCALE_MESSAGES[locale]}
      >
        {user ? <SignedInAs login={user}>{children}</SignedInAs> : children}
      </RecordingServiceTestProvider>
    </StoryEmulatorContext.Provider>
  );
}

/** Puts the theme on the page (so the dialog's backdrop and the page background follow it) and the story. */
function Themed({ theme, locale, children }: { theme: StoryGlobals['theme']; locale: string; children: ReactNode }) {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-rrs-theme');
    else root.setAttribute('data-rrs-theme', theme);
  }, [theme]);
  return (
    <div data-rrs-theme={theme === 'system' ? undefined : theme} lang={locale}>
      {children}
    </div>
  );
}

/**
 * Every story renders inside its own emulator and a fresh provider (fresh client and QueryClient), rebuilt
 * whenever the toolbar's seed, server state or user change; theme and locale change in place.
 */
const withRecordingService: Decorator = (Story, context) => {
  const globals = storyGlobals(context);
  const options = emulatorOptionsOf(context.parameters as { emulator?: RecordingEmulatorOptions }, globals);
  const user = globalUser(globals);
  const key = JSON.stringify([context.id, globals.seed, globals.fault, globals.user]);
  return (
    <Themed theme={globals.theme} locale={globals.locale}>
      <StoryService key={key} options={options} user={user} locale={globals.locale}>
        <Story />
      </StoryService>
    </Themed>
  );
};

/**
 * The component's TSDoc (read by react-docgen) as the docs page shows it: each `@example` becomes a code block,
 * since its JSX would otherwise be rendered as markup.
 */
function componentDescription(component: unknown): string {
  const doc = (component as { __docgenInfo?: { description?: string } } | undefined)?.__docgenInfo?.description ?? '';
  const [text = '', ...examples] = doc.split(/^\s*@example[ \t]*/m);
  const blocks = examples.map((example) => {
    const [code = '', ...rest] = example.split(/^\s*(?=@\w+)/m);
    const fenced = code.trim().startsWith('```') ? code.trim() : `\`\`\`tsx\n${code.trim()}\n\`\`\``;
    return [`**Example**`, fenced, ...rest].join('\n\n');
  });
  return [text.trim(), ...blocks].join('\n\n');
}

const preview: Preview = {
  loaders: [mswLoader],
  decorators: [withRecordingService],
  tags: ['autodocs'],
  initialGlobals: { ...DEFAULT_GLOBALS },
  globalTypes: {
    theme: {
      description: 'Theme of the components (data-rrs-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: [
          { value: 'system', title: 'System (prefers-color-scheme)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
      },
    },
    locale: {
      description: "Language of the components' labels (the provider's messages)",
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', right: 'EN', title: 'English' },
          { value: 'de', right: 'DE', title: 'Deutsch' },
        ],
      },
    },
    user: {
      description: 'Who is signed in (through the real token exchange with the emulator)',
      toolbar: {
        title: 'User',
        icon: 'user',
        dynamicTitle: true,
        items: [
          { value: 'story', title: 'User: as the story sets' },
          { value: 'guest', title: 'Guest' },
          { value: 'carol', title: 'carol (user)' },
          { value: 'alice', title: 'alice (publisher)' },
          { value: 'admin', title: 'admin' },
        ],
      },
    },
    seed: {
      description: "The emulator's data",
      toolbar: {
        title: 'Seed',
        icon: 'database',
        dynamicTitle: true,
        items: [
          { value: 'story', title: 'Seed: as the story sets' },
          { value: 'default', title: 'default' },
          { value: 'many', title: 'many (10,000 programs)' },
          { value: 'empty', title: 'empty' },
        ],
      },
    },
    fault: {
      description: "The emulator's health",
      toolbar: {
        title: 'Server',
        icon: 'lightning',
        dynamicTitle: true,
        items: [
          { value: 'story', title: 'Server: as the story sets' },
          { value: 'none', title: 'healthy' },
          { value: 'slow', title: 'slow (3 s per request)' },
          { value: 'failing', title: 'failing (programs answer 503)' },
        ],
      },
    },
  },
  parameters: {
    a11y: { test: 'error' },
    docs: { codePanel: true, page: DocsPage, extractComponentDescription: componentDescription },
  },
};

export default preview;
