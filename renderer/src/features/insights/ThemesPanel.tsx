import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { FeedbackThemes, Theme } from '../../../../shared/metrics/themes';
import { InfoTip } from '../common/InfoTip';
import { EXPLAIN } from './explanations';

function ThemeList({ title, themes, color, empty }: { title: string; themes: Theme[]; color: string; empty: string }) {
  const most = Math.max(1, ...themes.map((t) => t.comments));
  return (
    <div>
      <Text fw={650} fz="sm" mb={6}>
        {title}
      </Text>
      {themes.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={title}>
          {themes.map((t) => (
            <Group key={t.term} component="li" gap="xs" wrap="nowrap" title={`${t.comments} ${t.comments === 1 ? 'comment mentions' : 'comments mention'} “${t.term}”`}>
              <Text fz="sm" className="truncate" style={{ flex: 1, minWidth: 0 }}>
                {t.term}
              </Text>
              <div style={{ width: 56, height: 8, borderRadius: 4, background: 'var(--mantine-color-gray-1)', flexShrink: 0 }} aria-hidden="true">
                <div style={{ width: `${(t.comments / most) * 100}%`, height: 8, borderRadius: 4, background: color }} />
              </div>
              <Text fz="xs" c="dimmed" className="num" w={24} ta="right" style={{ flexShrink: 0 }} aria-label={`${t.comments} comments`}>
                {t.comments}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </div>
  );
}

export function ThemesPanel({ themes }: { themes: FeedbackThemes }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="themes-title">
      <Title order={2} fz="md" id="themes-title">
        <InfoTip explanation={EXPLAIN.themes}>What customers talk about</InfoTip>
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        Most mentioned words and phrases; the number is how many comments mention them.
      </Text>
      <SimpleGrid cols={2} spacing="lg">
        <ThemeList title="Praise" themes={themes.praise} color="var(--mantine-color-teal-6)" empty="No happy comments yet." />
        <ThemeList title="Complaints" themes={themes.complaints} color="var(--mantine-color-red-6)" empty="No complaints — or no comments yet." />
      </SimpleGrid>
      {themes.notAnalysed > 0 && (
        <Text fz="xs" c="dimmed" mt="sm">
          {themes.notAnalysed} {themes.notAnalysed === 1 ? 'comment is' : 'comments are'} in another language and {themes.notAnalysed === 1 ? 'was' : 'were'} not analysed.
        </Text>
      )}
    </Paper>
  );
}
