import { useTranslation } from 'react-i18next';

const regionLevels = ['state', 'admin_district', 'district', 'municipality', 'region', 'province'] as const;
type RegionLevel = (typeof regionLevels)[number];

function isRegionLevel(level: string): level is RegionLevel {
  return (regionLevels as readonly string[]).includes(level);
}

/** "Kreis", "Gemeinde", …; unknown levels are shown as they come. */
export function useRegionLevelLabel(): (level: string) => string {
  const { t } = useTranslation();
  return (level) => (isRegionLevel(level) ? t(`regionLevel.${level}`) : level);
}
