import { Paper, Text } from '@mantine/core';
import { InfoTip } from '../common/InfoTip';

/** One headline figure: its name (with the explanation on hover and focus), the value and a hint. */
export function FigureCard({ label, value, hint, explanation }: { label: string; value: string; hint?: string; explanation: string }) {
  return (
    <Paper withBorder p="md">
      <Text fz="sm" c="gray.7" fw={600} component="div">
        <InfoTip explanation={explanation}>{label}</InfoTip>
      </Text>
      <Text fz={26} fw={700} className="num" lh={1.3}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
