import {
  Controls,
  Description,
  Heading,
  Primary,
  Source,
  Stories,
  Subtitle,
  Title,
  useOf,
} from '@storybook/addon-docs/blocks';
import type { ReactNode } from 'react';

/**
 * The autodocs page of every component and hook: its TSDoc, then a usage snippet (`parameters.usage` of the
 * meta), then the primary story, the props read from the TSDoc (react-docgen), and every other story.
 */
export function DocsPage(): ReactNode {
  const { preparedMeta } = useOf('meta');
  const usage = (preparedMeta.parameters as { usage?: string }).usage;
  return (
    <>
      <Title />
      <Subtitle />
      <Description of="meta" />
      {usage ? (
        <>
          <Heading>Usage</Heading>
          <Source code={usage.trim()} language="tsx" dark />
        </>
      ) : null}
      <Primary />
      <Controls />
      <Stories />
    </>
  );
}
