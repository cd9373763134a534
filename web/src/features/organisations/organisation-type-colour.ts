import type { OrganisationType } from '../../../../contracts/portfolio';

const colours: Record<OrganisationType, string> = {
  company: 'blue',
  university: 'violet',
  research_institute: 'teal',
  cluster_organisation: 'lime',
  development_agency: 'green',
  chamber_association: 'yellow',
  trade_union: 'red',
  public_body: 'orange',
  network_alliance: 'pink',
  other: 'gray',
};

/** The Mantine colour name that stands for an organisation type (badges, graph nodes, legend). */
export function organisationTypeColour(type: OrganisationType): string {
  return colours[type];
}

/** The CSS colour of a type, shade 6 of its Mantine colour. */
export function organisationTypeFill(type: OrganisationType): string {
  return `var(--mantine-color-${colours[type]}-6)`;
}
