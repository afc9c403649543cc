import type { ReactNode } from 'react';
import { Paper, Text, Title } from '@mantine/core';
import { InfoTip } from '../common/InfoTip';

/**
 * A titled panel around one chart. The title carries the chart's explanation (hover or Tab to it);
 * inside the chart, hovering a bar or moving through it with the arrow keys shows its figures.
 */
export function ChartCard({ id, title, subtitle, explanation, children, empty }: { id: string; title: string; subtitle: string; explanation: string; children: ReactNode; empty?: string | null }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} fz="md" id={`${id}-title`}>
        <InfoTip explanation={explanation}>{title}</InfoTip>
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        {subtitle}
      </Text>
      {empty ? (
        <Text fz="sm" c="dimmed" py="xl" ta="center">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}
