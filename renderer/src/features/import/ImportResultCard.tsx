import { useEffect, useRef } from 'react';
import { Anchor, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { routeHref } from '../../lib/router';
import { resultLines } from '../../stores/import-logic';
import { useImportStore } from '../../stores/import-store';
import { useFormatters, useSettingsStore } from '../../stores/settings-store';
import { IconCheck } from '../common/icons';

/** What the import did, in counts the owner can check against their file. */
export function ImportResultCard() {
  const f = useFormatters();
  const locale = useSettingsStore((s) => s.settings.locale);
  const outcome = useImportStore((s) => s.outcome);
  const fileName = useImportStore((s) => s.fileName);
  const startOver = useImportStore((s) => s.startOver);
  const heading = useRef<HTMLHeadingElement>(null);
  // The import ran while the owner waited: bring keyboard and screen-reader users to the answer.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  if (!outcome) return null;
  const c = outcome.counts;
  // Every row was there already: say so plainly instead of celebrating an import that added nothing.
  const nothingNew = c.customersCreated + c.customersUpdated + (c.customersMerged ?? 0) + c.visitsCreated + c.feedbackCreated === 0;
  return (
    <Paper withBorder p="xl" component="section" aria-labelledby="import-result-title">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={36} radius="xl" color={nothingNew ? 'gray.6' : 'green.8'}>
            <IconCheck />
          </ThemeIcon>
          <Title order={2} fz="lg" id="import-result-title" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
            {nothingNew ? `Nothing new in ${fileName ?? 'this file'}` : `${fileName} is imported`}
          </Title>
        </Group>
        <List spacing={4} fz="sm" aria-label="What was imported">
          {resultLines(outcome.counts, locale).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        {outcome.visitsRevenueCents !== null && outcome.counts.visitsCreated > 0 && (
          <Text fz="sm" c="dimmed">
            The new visits add up to {f.money(outcome.visitsRevenueCents)}
            {outcome.firstDate && outcome.lastDate ? `, from ${f.date(outcome.firstDate)} to ${f.date(outcome.lastDate)}` : ''}.
          </Text>
        )}
        {outcome.rowErrors.length > 0 && (
          <Text fz="sm" c="dimmed">
            Rows left out: {outcome.rowErrors.slice(0, 5).map((p) => f.count(p.row)).join(', ')}
            {outcome.rowErrors.length > 5 ? ' …' : ''}. If this was the wrong file, undo it under “Past imports”.
          </Text>
        )}
        <Group gap="sm">
          <Button component="a" href={routeHref({ page: 'customers' })}>
            See your customers
          </Button>
          <Button variant="default" onClick={() => void startOver()}>
            Import another file
          </Button>
          <Anchor href={routeHref({ page: 'insights' })} fz="sm">
            What the numbers say now
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
