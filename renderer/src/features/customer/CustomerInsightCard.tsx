import { useEffect } from 'react';
import { Badge, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { modelStatus } from '../../../../shared/metrics/reports';
import { TIER_LABELS } from '../../../../shared/metrics/tiers';
import { useCustomerInsightStore } from '../../stores/customer-insight-store';
import { useFormatters } from '../../stores/settings-store';
import { InfoTip } from '../common/InfoTip';

function Fact({ label, value, reason, explanation }: { label: string; value: string; reason: string | null; explanation: string }) {
  return (
    <div>
      <Text fz="xs" c="gray.7" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }} component="div">
        <InfoTip explanation={explanation}>{label}</InfoTip>
      </Text>
      <Text fz="md" fw={700} className="num">
        {value}
      </Text>
      {reason && (
        <Text fz="xs" c="dimmed">
          {reason}
        </Text>
      )}
    </div>
  );
}

/** What the analysis says about this customer — segment, tier, rhythm, chance they still come, value — each with its reason. */
export function CustomerInsightCard({ id }: { id: number }) {
  const insight = useCustomerInsightStore((s) => (s.id === id ? s.insight : null));
  const error = useCustomerInsightStore((s) => (s.id === id ? s.error : null));
  const load = useCustomerInsightStore((s) => s.load);
  const f = useFormatters();

  useEffect(() => {
    void load(id);
  }, [id, load]);

  const c = insight?.customer ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="customer-insight-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="customer-insight-title">
          What the numbers say
        </Title>
        {c?.overdue && (
          <Badge color="red" variant="filled">
            Overdue
          </Badge>
        )}
      </Group>
      {error && !insight && (
        <Text fz="sm" c="dimmed">
          The analysis could not be worked out right now ({error}).
        </Text>
      )}
      {!insight && !error && (
        <Text fz="sm" c="dimmed" role="status">
          Working it out…
        </Text>
      )}
      {insight && (!c || c.visitDays === 0) && (
        <Text fz="sm" c="dimmed">
          No visits yet: log a visit and this card shows which group they are in, their usual rhythm and what they are worth.
        </Text>
      )}
      {insight && c && c.visitDays > 0 && (
        <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
          <Fact
            label="Group"
            value={c.segmentLabel ?? '—'}
            reason={[c.segmentReason, c.segmentAdvice].filter(Boolean).join(' ')}
            explanation="Which group of customers they belong to, by how recently and how often they come compared with your other customers."
          />
          <Fact
            label="Value tier"
            value={c.valueTier ? TIER_LABELS[c.valueTier] : '—'}
            reason={c.tierReason}
            explanation="High value = the top 20% by what they have spent so far, Medium = the next 30%, Low = the rest. New and At risk are shown apart."
          />
          <Fact
            label="Usual rhythm"
            value={c.usualGapDays === null ? 'Not known yet' : `Every ${Math.round(c.usualGapDays)} days`}
            reason={c.cadenceReason}
            explanation="The usual number of days between their visits (the middle value, so one odd gap does not count much). They are overdue when well past it."
          />
          <Fact
            label="Still a customer?"
            value={c.pAlive === null ? 'Not estimated' : `${Math.round(c.pAlive * 100)}% likely`}
            reason={c.pAlive === null ? modelStatus(insight.model).detail : c.pAliveReason}
            explanation="How likely it is that they still come to you, judged from how often they used to come and how long it has been since their last visit."
          />
          <Fact
            label="Worth in the next 12 months"
            value={c.predictedClvCents === null ? '—' : f.money(c.predictedClvCents, { whole: true })}
            reason={c.predictionReason}
            explanation="What they are expected to spend with you over the next 12 months, in today's money."
          />
          <Fact
            label="Expected visits (90 days)"
            value={c.expectedVisits === null ? '—' : c.expectedVisits.toFixed(1)}
            reason={c.expectedSpendCents === null ? null : `About ${f.money(c.expectedSpendCents)} a visit.`}
            explanation="How many days they are expected to visit in the next 90 days, and what they are likely to spend each time."
          />
        </SimpleGrid>
      )}
    </Paper>
  );
}
