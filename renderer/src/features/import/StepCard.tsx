import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';

interface StepCardProps {
  step: number;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Draws the owner's eye to the one step that needs an answer. */
  attention?: boolean;
}

/** One numbered step of the review, as a titled region screen readers can jump to. */
export function StepCard({ step, title, description, children, attention = false }: StepCardProps) {
  const headingId = `import-step-${step}`;
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-labelledby={headingId}
      style={attention ? { borderColor: 'var(--mantine-color-orange-5)', borderWidth: 2 } : undefined}
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={28} radius="xl" variant={attention ? 'filled' : 'light'} color={attention ? 'orange.7' : undefined} aria-hidden>
            <Text fz="sm" fw={700}>
              {step}
            </Text>
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} fz="lg" id={headingId}>
              {title}
            </Title>
            {description && (
              <Text c="dimmed" fz="sm">
                {description}
              </Text>
            )}
          </Stack>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
