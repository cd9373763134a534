import { Box, ColorSwatch, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import type { OrganisationType } from '../../../../contracts/portfolio';
import { useFormat } from '../../lib/use-format';
import { organisationTypeFill } from './organisation-type-colour';

type Partner = OrganisationDetail['partners'][number];

const width = 720;
const height = 640;
const centreX = width / 2;
const centreY = height / 2;
const radius = 130;
const centreRadius = 30;
const labelLength = 22;

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/**
 * The organisation in the centre, its partners on a circle: line width by shared projects, node colour by
 * type, the full name as a tooltip. An image for screen readers; the table next to it carries the data.
 */
export function PartnerGraph({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Group the circle by type, so colours cluster; most shared projects first within a type.
  const partners: Partner[] = [...organisation.partners].sort(
    (a, b) => a.type.localeCompare(b.type) || b.sharedProjects - a.sharedProjects || a.name.localeCompare(b.name),
  );
  const most = Math.max(1, ...partners.map((partner) => partner.sharedProjects));
  const types = [...new Set<OrganisationType>([organisation.type, ...partners.map((partner) => partner.type)])];
  const centreLabel = shorten(organisation.shortName ?? organisation.name, 8);

  const nodes = partners.map((partner, index) => {
    // Start at the top and go clockwise.
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / partners.length;
    const share = partner.sharedProjects / most;
    return {
      partner,
      angle,
      x: centreX + radius * Math.cos(angle),
      y: centreY + radius * Math.sin(angle),
      nodeRadius: 6 + 6 * share,
      strokeWidth: 1 + 7 * share,
    };
  });

  return (
    <Box>
      <svg
        role="img"
        aria-label={t('organisation.graphLabel', { name: organisation.name, count: partners.length })}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ display: 'block', maxHeight: 600 }}
      >
        <g stroke="var(--mantine-color-gray-5)" strokeLinecap="round" opacity={0.75}>
          {nodes.map((node) => (
            <line
              key={node.partner.organisationId}
              x1={centreX}
              y1={centreY}
              x2={node.x}
              y2={node.y}
              strokeWidth={node.strokeWidth}
            />
          ))}
        </g>
        {nodes.map((node) => {
          const degrees = (node.angle * 180) / Math.PI;
          const onLeft = Math.cos(node.angle) < -1e-6;
          const offset = node.nodeRadius + 5;
          return (
            <g key={node.partner.organisationId}>
              <title>
                {t('organisation.graphNodeTitle', {
                  name: node.partner.name,
                  type: t(`organisationType.${node.partner.type}`),
                  shared: format.number(node.partner.sharedProjects),
                })}
              </title>
              <circle
                cx={node.x}
                cy={node.y}
                r={node.nodeRadius}
                fill={organisationTypeFill(node.partner.type)}
                stroke="var(--mantine-color-body)"
                strokeWidth={1.5}
              />
              {/* Labels run outwards along the radius; on the left half they are turned to stay upright. */}
              <text
                transform={`translate(${node.x} ${node.y}) rotate(${onLeft ? degrees + 180 : degrees})`}
                x={onLeft ? -offset : offset}
                dy="0.35em"
                textAnchor={onLeft ? 'end' : 'start'}
                fontSize={12}
                fill="var(--mantine-color-text)"
              >
                {shorten(node.partner.name, labelLength)}
              </text>
            </g>
          );
        })}
        <g>
          <title>{organisation.name}</title>
          <circle
            cx={centreX}
            cy={centreY}
            r={centreRadius}
            fill={organisationTypeFill(organisation.type)}
            stroke="var(--mantine-color-body)"
            strokeWidth={3}
          />
          <text x={centreX} y={centreY} dy="0.35em" textAnchor="middle" fontSize={12} fontWeight={700} fill="white">
            {centreLabel}
          </text>
        </g>
      </svg>
      <Group gap="md" mt="xs" aria-label={t('organisation.graphLegend')} role="list">
        {types.map((type) => (
          <Group key={type} gap={6} wrap="nowrap" role="listitem">
            <ColorSwatch color={organisationTypeFill(type)} size={12} withShadow={false} />
            <Text size="xs" c="dimmed">
              {t(`organisationType.${type}`)}
            </Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
