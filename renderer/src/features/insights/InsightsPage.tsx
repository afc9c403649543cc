import { useEffect } from 'react';
import { Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInsightsStore } from '../../stores/insights-store';
import { useFormatters } from '../../stores/settings-store';
import { LoadError } from '../common/LoadError';
import { PageHeader } from '../common/PageHeader';
import { ClvChart, FeedbackTrendChart, ForecastChart, RetentionChart, RevenueSplitChart } from './Charts';
import { CohortTable } from './CohortTable';
import { KeyFigures } from './KeyFigures';
import { MembersDrawer } from './MembersDrawer';
import { ModelStatusNote } from './ModelStatusNote';
import { SegmentTable } from './SegmentTable';
import { ThemesPanel } from './ThemesPanel';
import { TierCards } from './TierCards';

function NothingToShowYet() {
  return (
    <Paper withBorder p="xl" maw={640}>
      <Title order={2} fz="lg" mb="xs">
        Insights appear once you log visits
      </Title>
      <Text fz="sm" c="dimmed">
        Who your best regulars are, who is slipping away and what your customers are worth are all worked out from the visits you log. Log a visit with
        Ctrl+K, or add your customers, and come back here.
      </Text>
    </Paper>
  );
}

function Working() {
  return (
    <Group gap="sm" py="xl" role="status">
      <Loader size="sm" aria-hidden="true" />
      <Text c="dimmed">Working out your numbers…</Text>
    </Group>
  );
}

export function InsightsPage() {
  const view = useInsightsStore((s) => s.view);
  const error = useInsightsStore((s) => s.error);
  const loading = useInsightsStore((s) => s.loading);
  const load = useInsightsStore((s) => s.load);
  const closeMembers = useInsightsStore((s) => s.closeMembers);
  const f = useFormatters();

  useEffect(() => {
    void load();
    return () => closeMembers(); // following a link out of the member list closes it for next time
  }, [load, closeMembers]);

  const description = view
    ? `As of ${f.date(view.asOf)} · ${f.count(view.shop.customersWithVisits)} customers with visits${loading ? ' · updating…' : ''}`
    : 'Who your regulars are, what they are worth, and who is slipping away.';

  return (
    <>
      <PageHeader title="Insights" description={description} />
      {error && !view && <LoadError title="Insights could not be worked out" message={error} />}
      {!view && !error && <Working />}
      {view && view.shop.customersWithVisits === 0 && <NothingToShowYet />}
      {view && view.shop.customersWithVisits > 0 && (
        <Stack gap="lg" pb="xl">
          <KeyFigures view={view} />
          <ModelStatusNote model={view.model} />
          <SegmentTable rows={view.segments} />
          <TierCards rows={view.tiers} />
          <SimpleGrid cols={2} spacing="lg">
            <RevenueSplitChart view={view} />
            <RetentionChart view={view} />
            <ClvChart view={view} />
            <ForecastChart view={view} />
          </SimpleGrid>
          <CohortTable rows={view.cohorts} />
          <SimpleGrid cols={2} spacing="lg">
            <FeedbackTrendChart view={view} />
            <ThemesPanel themes={view.themes} />
          </SimpleGrid>
        </Stack>
      )}
      <MembersDrawer />
    </>
  );
}
