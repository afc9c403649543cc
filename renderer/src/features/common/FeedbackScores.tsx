import { Badge, Group, Rating, Text } from '@mantine/core';
import type { FollowUpState } from '../../../../shared/domain/types';
import { npsGroup } from '../../lib/format';

const NPS_COLORS = { promoter: 'teal', passive: 'gray', detractor: 'red' } as const;
/** Text shades dark enough for AA contrast on the light badge backgrounds. */
const NPS_TEXT = { promoter: '#0b6b50', passive: '#3d434a', detractor: '#a61e1e' } as const;
/** Scores keep their full width beside a long comment; the comment is what gets cut short. */
const NO_SHRINK = { flexShrink: 0 } as const;
const NPS_WORDS = { promoter: 'promoter', passive: 'passive', detractor: 'detractor' } as const;

/** "Would recommend 9/10", coloured by the standard NPS groups. */
export function NpsBadge({ nps }: { nps: number }) {
  const group = npsGroup(nps);
  return (
    <Badge color={NPS_COLORS[group]} c={NPS_TEXT[group]} variant="light" className="num" style={NO_SHRINK} title={`Recommend score ${nps} of 10 (${NPS_WORDS[group]})`}>
      {nps}/10
    </Badge>
  );
}

export function StarsShown({ rating }: { rating: number }) {
  return (
    <Group gap={4} wrap="nowrap" style={NO_SHRINK} role="img" aria-label={`${rating} of 5 stars`}>
      <Rating value={rating} readOnly size="sm" count={5} aria-hidden="true" />
    </Group>
  );
}

export function FollowUpBadge({ state }: { state: FollowUpState }) {
  if (state === 'open')
    return (
      <Badge color="terracotta" c="terracotta.8" variant="light" style={NO_SHRINK}>
        Follow up
      </Badge>
    );
  if (state === 'done')
    return (
      <Badge color="teal" c="#0b6b50" variant="light" style={NO_SHRINK}>
        Followed up
      </Badge>
    );
  return null;
}

/** NPS, stars and comment of one feedback entry, compactly. */
export function FeedbackSummary({ nps, rating, comment }: { nps: number | null; rating: number | null; comment: string }) {
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      {nps !== null && <NpsBadge nps={nps} />}
      {rating !== null && <StarsShown rating={rating} />}
      {comment !== '' ? (
        <Text fz="sm" className="truncate" title={comment}>
          “{comment}”
        </Text>
      ) : (
        nps === null && rating === null && <Text fz="sm" c="dimmed">No comment</Text>
      )}
    </Group>
  );
}
