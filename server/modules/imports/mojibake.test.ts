import { describe, expect, it } from 'vitest';
import { repairMojibake } from './mojibake';

describe('repairMojibake', () => {
  it('restores UTF-8 text that was read as Mac Roman', () => {
    expect(repairMojibake('M√ºnster')).toBe('Münster');
    expect(repairMojibake('T√úV S√úD Rail GmbH')).toBe('TÜV SÜD Rail GmbH');
    expect(repairMojibake('CERA SYSTEM VERSCHLEI√üSCHUTZ GMBH')).toBe('CERA SYSTEM VERSCHLEIßSCHUTZ GMBH');
    expect(repairMojibake('Ardanuy Ingenier√≠a')).toBe('Ardanuy Ingeniería');
  });

  it('leaves correct text and a real square root alone', () => {
    expect(repairMojibake('Münster')).toBe('Münster');
    expect(repairMojibake('√2 ≈ 1,414')).toBe('√2 ≈ 1,414');
  });
});
