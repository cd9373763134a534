import { Anchor, Breadcrumbs, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../../../../contracts/organisations';
import { useFormat } from '../../lib/use-format';
import { Fact } from '../../ui/fact';
import { AnchorLink } from '../../ui/links';
import { useRegionLevelLabel } from '../../ui/region-level';
import { Section } from '../../ui/section';
import { useCountryName } from './country';
import { useNaceLabel } from './nace.api';

function RegionPath({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const levelLabel = useRegionLevelLabel();
  const path =
    organisation.regionPath.length > 0 ? organisation.regionPath : organisation.region ? [organisation.region] : [];
  if (path.length === 0) return <>{t('organisation.noRegion')}</>;
  const isAmbiguous = (name: string) => path.filter((region) => region.name === name).length > 1;
  return (
    <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
      {path.map((region) => (
        <AnchorLink
          key={region.id}
          to="/organisations"
          search={{ regionId: region.id }}
          size="sm"
          title={`${levelLabel(region.level)} · ${t('organisations.organisationsInRegion', { name: region.name })}`}
        >
          {isAmbiguous(region.name) ? `${region.name} (${levelLabel(region.level)})` : region.name}
        </AnchorLink>
      ))}
    </Breadcrumbs>
  );
}

function websiteHref(value: string): string | null {
  const href = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    return new URL(href).protocol.startsWith('http') ? href : null;
  } catch {
    return null;
  }
}

function Identifiers({ identifiers }: { identifiers: OrganisationDetail['identifiers'] }) {
  const { t } = useTranslation();
  if (identifiers.length === 0) return <>{t('organisation.noIdentifiers')}</>;
  return (
    <Stack gap={2} component="span">
      {identifiers.map((identifier) => {
        const href = identifier.scheme === 'website' ? websiteHref(identifier.value) : null;
        return (
          <Text span size="sm" key={`${identifier.scheme}:${identifier.value}`} style={{ overflowWrap: 'anywhere' }}>
            <Text span size="sm" c="dimmed">
              {t(`organisation.identifierScheme.${identifier.scheme}`)}:
            </Text>{' '}
            {href ? (
              <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                {identifier.value}
              </Anchor>
            ) : (
              identifier.value
            )}
          </Text>
        );
      })}
    </Stack>
  );
}

/** NACE codes in the UI language, each a link to the directory filtered by it; the primary one first. */
function NaceCodes({ nace }: { nace: OrganisationDetail['nace'] }) {
  const { t } = useTranslation();
  const naceLabel = useNaceLabel();
  if (nace.length === 0) return <>{t('organisation.noNace')}</>;
  const sorted = [...nace].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return (
    <Stack gap={4} component="span">
      {sorted.map((item) => (
        <AnchorLink
          key={item.code}
          to="/organisations"
          search={{ nace: item.code }}
          size="sm"
          title={t('organisation.organisationsWithNace', { code: item.code })}
        >
          {naceLabel(item.code, item.labels)}
          {item.isPrimary && nace.length > 1 ? ` (${t('organisation.primaryNace')})` : ''}
        </AnchorLink>
      ))}
    </Stack>
  );
}

function TextList({ items }: { items: string[] }) {
  return (
    <List size="sm" spacing={2} component="span" display="block">
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

/** The side box: address, region, size, sector, identifiers, other names and merge history. */
export function OrganisationFacts({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const address = [
    { key: 'street', line: organisation.street },
    { key: 'city', line: organisation.city },
    { key: 'country', line: organisation.country ? countryName(organisation.country) : null },
  ].filter((part): part is { key: string; line: string } => Boolean(part.line));
  return (
    <Section title={t('organisation.facts')}>
      <Stack gap="sm" component="dl" m={0}>
        <Fact label={t('organisation.address')}>
          {address.length > 0
            ? address.map(({ key, line }) => (
                <Text span size="sm" display="block" key={key}>
                  {line}
                </Text>
              ))
            : t('organisation.noAddress')}
        </Fact>
        <Fact label={t('organisation.region')}>
          <RegionPath organisation={organisation} />
        </Fact>
        {organisation.sizeClass ? (
          <Fact label={t('organisation.sizeClass')}>{t(`sizeClass.${organisation.sizeClass}`)}</Fact>
        ) : null}
        <Fact label={t('organisation.nace')}>
          <NaceCodes nace={organisation.nace} />
        </Fact>
        <Fact label={t('organisation.identifiers')}>
          <Identifiers identifiers={organisation.identifiers} />
        </Fact>
        {organisation.aliases.length > 0 ? (
          <Fact label={t('organisation.aliases')}>
            <TextList items={organisation.aliases} />
          </Fact>
        ) : null}
        {organisation.mergedFrom.length > 0 ? (
          <Fact label={t('organisation.mergedFrom')}>
            <TextList
              items={organisation.mergedFrom.map((merged) =>
                t('organisation.mergedOn', { name: merged.name, date: format.date(merged.mergedAt.slice(0, 10)) }),
              )}
            />
          </Fact>
        ) : null}
      </Stack>
    </Section>
  );
}
