import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled fact in a `<dl>` of a detail page's side box ("Anschrift", "Region", …). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}
