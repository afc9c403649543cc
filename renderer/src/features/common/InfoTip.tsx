import type { ReactNode } from 'react';
import { Tooltip, UnstyledButton } from '@mantine/core';

const TOOLTIP_EVENTS = { hover: true, focus: true, touch: true } as const;

/**
 * A figure or heading with its explanation in plain words: shown on hover and when the element gets
 * keyboard focus (it is a button, so Tab reaches it), and read out by screen readers as its label.
 */
export function InfoTip({ explanation, children, label }: { explanation: string; children: ReactNode; label?: string }) {
  return (
    <Tooltip label={explanation} multiline w={300} events={TOOLTIP_EVENTS} withArrow openDelay={150} position="top-start">
      <UnstyledButton
        aria-label={label ? `${label}: ${explanation}` : undefined}
        aria-description={label ? undefined : explanation}
        style={{ cursor: 'help', borderBottom: '1px dotted var(--mantine-color-gray-5)', font: 'inherit', color: 'inherit', textAlign: 'left' }}
      >
        {children}
      </UnstyledButton>
    </Tooltip>
  );
}
