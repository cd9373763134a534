import { ThemeIcon } from '@mantine/core';
import type { SearchHit } from '../../../../contracts/search';

type Kind = SearchHit['kind'];

const colours: Record<Kind, string> = {
  organisation: 'blue',
  person: 'grape',
  project: 'teal',
  programme: 'orange',
};

// Small outline icons (24×24, stroke), drawn here so nothing is fetched.
const paths: Record<Kind, string> = {
  organisation: 'M4 21V5l8-3v19M12 8h8v13M4 21h16M7 8h2M7 12h2M7 16h2M15 12h2M15 16h2',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4 21a8 8 0 0 1 16 0',
  project: 'M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2Z',
  programme: 'M12 3 2 8l10 5 10-5-10-5ZM2 13l10 5 10-5M2 17.5l10 5 10-5',
};

/** The icon of a search result's kind (Organisation, Person, Projekt, Programm); decorative. */
export function SearchKindIcon({ kind, size = 24 }: { kind: Kind; size?: number }) {
  return (
    <ThemeIcon variant="light" color={colours[kind]} size={size} radius="sm" aria-hidden="true">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width={size * 0.65}
        height={size * 0.65}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={paths[kind]} />
      </svg>
    </ThemeIcon>
  );
}

/** The page of a search result or suggestion. */
export function hitLink(kind: Kind, id: number) {
  const value = String(id);
  switch (kind) {
    case 'organisation':
      return { to: '/organisations/$organisationId', params: { organisationId: value } } as const;
    case 'person':
      return { to: '/people/$personId', params: { personId: value } } as const;
    case 'project':
      return { to: '/projects/$projectId', params: { projectId: value } } as const;
    case 'programme':
      return { to: '/programmes/$programmeId', params: { programmeId: value } } as const;
  }
}
