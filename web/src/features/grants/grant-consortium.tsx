import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../../../contracts/funding';
import { useFormat } from '../../lib/use-format';
import { AnchorLink } from '../../ui/links';
import { Section } from '../../ui/section';
import { usePercent } from './co-financing-bar';
import { ratio } from './grant-money';

/** An amount with a bar showing its share of a reference amount (committed of share, disbursed of committed). */
function AmountWithBar({ cents, of, label, color }: { cents: number; of: number; label: string; color: string }) {
  const format = useFormat();
  const percent = usePercent();
  const share = ratio(cents, of);
  const title = `${label}: ${percent(share)}`;
  return (
    <Stack gap={4} miw={120}>
      <Text size="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
        {format.money(cents)}
      </Text>
      {share === null ? null : (
        <Progress
          value={Math.min(100, share * 100)}
          color={share > 1 ? 'red' : color}
          size="sm"
          aria-label={title}
          title={title}
        />
      )}
    </Stack>
  );
}

/** The consortium: lead and partners with their shares, and what is committed and paid out to each. */
export function GrantConsortium({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const sums = grant.partners.reduce(
    (sum, p) => ({
      share: sum.share + p.shareCents,
      committed: sum.committed + p.committedCents,
      disbursed: sum.disbursed + p.disbursedCents,
    }),
    { share: 0, committed: 0, disbursed: 0 },
  );
  return (
    <Section title={t('grant.consortium')} description={t('grant.consortiumHint')}>
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            <Text size="sm" c="dimmed" component="span">
              {t('grant.consortiumCaption')}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grant.partner')}</Table.Th>
              <Table.Th ta="right">{t('grant.share')}</Table.Th>
              <Table.Th ta="right">{t('grant.committed')}</Table.Th>
              <Table.Th ta="right">{t('grant.disbursed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grant.partners.map((partner) => (
              <Table.Tr key={partner.organisationId}>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <AnchorLink
                      to="/organisations/$organisationId"
                      params={{ organisationId: String(partner.organisationId) }}
                      size="sm"
                      fw={500}
                    >
                      {partner.name}
                    </AnchorLink>
                    <Group gap={6}>
                      {partner.role === 'lead' ? (
                        <Badge size="xs" variant="light" radius="sm" tt="none">
                          {t('grant.role.lead')}
                        </Badge>
                      ) : null}
                      <Text size="xs" c="dimmed">
                        {t(`organisationType.${partner.type}`)}
                      </Text>
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(partner.shareCents)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {percent(ratio(partner.shareCents, grant.amountCents))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AmountWithBar
                    cents={partner.committedCents}
                    of={partner.shareCents}
                    label={t('grant.committedOfShare')}
                    color="blue"
                  />
                </Table.Td>
                <Table.Td>
                  <AmountWithBar
                    cents={partner.disbursedCents}
                    of={partner.committedCents}
                    label={t('grant.disbursedOfCommitted')}
                    color="teal"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('common.sum')}</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(sums.share)}
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(sums.committed)}
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(sums.disbursed)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
