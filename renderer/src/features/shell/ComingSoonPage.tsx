import type { ReactNode } from 'react';
import { List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { PageHeader } from '../common/PageHeader';

interface ComingSoonPageProps {
  title: string;
  icon: ReactNode;
  headline: string;
  points: string[];
}

/** A friendly placeholder for screens that arrive in a later version. */
export function ComingSoonPage({ title, icon, headline, points }: ComingSoonPageProps) {
  return (
    <>
      <PageHeader title={title} description="Coming in a later version of Regulars." />
      <Paper withBorder p="xl" maw={640}>
        <Stack gap="md">
          <ThemeIcon size={56} radius="xl" variant="light">
            {icon}
          </ThemeIcon>
          <Title order={2} fz="lg">
            {headline}
          </Title>
          <List spacing="xs" fz="sm">
            {points.map((point) => (
              <List.Item key={point}>{point}</List.Item>
            ))}
          </List>
          <Text c="dimmed" fz="sm">
            Until then, keep logging visits and feedback: everything you record now will show up here.
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
