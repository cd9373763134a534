import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title to "<page> – Standort" (just "Standort" while the page has no title yet). */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useDocumentTitle(title ? `${title} – ${t('app.name')}` : t('app.name'));
}
