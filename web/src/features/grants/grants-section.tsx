import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format';
import { ButtonLink } from '../../ui/links';
import { ListPagination, pageCount } from '../../ui/list-pagination';
import { QueryState } from '../../ui/page-states';
import { Section } from '../../ui/section';
import { useCanEditFunding } from './funding-permissions';
import { GrantTable } from './grant-table';
import { useGrants } from './grants.api';

const pageSize = 10;

/** "Förderungen" of a project or an organisation, newest decision first, with a page of ten at a time. */
function GrantsSection({
  filter,
  hide,
  action,
}: {
  filter: { projectId: number } | { organisationId: number };
  hide: ('project' | 'programme')[];
  action?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const grants = useGrants({ ...filter, page, pageSize });
  const total = grants.data?.total ?? 0;
  return (
    <Section
      title={t('grants.sectionTitle')}
      description={
        grants.data && total > 0 ? t('grants.count', { count: total, formatted: format.number(total) }) : undefined
      }
      actions={action}
    >
      <QueryState query={grants}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('grants.noneYet')}</Text>
          ) : (
            <Stack gap="sm">
              <GrantTable grants={data.items} isStale={grants.isPlaceholderData} hide={hide} />
              <ListPagination page={page} pages={pageCount(total, pageSize)} onChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}

/** The grants of a project, with "Förderung erfassen" for those who may record them. */
export function ProjectGrants({ projectId, programmeId }: { projectId: number; programmeId: number }) {
  const { t } = useTranslation();
  const canEdit = useCanEditFunding(programmeId);
  return (
    <GrantsSection
      filter={{ projectId }}
      hide={['project', 'programme']}
      action={
        canEdit ? (
          <ButtonLink to="/grants/new" search={{ projectId }} variant="light" w="fit-content">
            {t('grantForm.title')}
          </ButtonLink>
        ) : undefined
      }
    />
  );
}

/** The grants an organisation leads or takes part in. */
export function OrganisationGrants({ organisationId }: { organisationId: number }) {
  return <GrantsSection filter={{ organisationId }} hide={[]} />;
}
