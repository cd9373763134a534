import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectShapes, type ShapeFeature } from './projection';

// The real outlines the server hands out (BKG VG5000).
const file = path.resolve(import.meta.dirname, '../../../../data/admin-de/kreise_nrw.geojson');
const features = (
  JSON.parse(fs.readFileSync(file, 'utf8')) as {
    features: { properties: { ARS: string; GEN: string; BEZ: string }; geometry: ShapeFeature['geometry'] }[];
  }
).features.map((f) => ({
  properties: { code: f.properties.ARS, name: f.properties.GEN, kind: f.properties.BEZ },
  geometry: f.geometry,
}));

describe('projectShapes', () => {
  const map = projectShapes(features, 600);
  const centre = (name: string) => {
    const shape = map.shapes.find((s) => s.name === name);
    if (!shape) throw new Error(`${name} fehlt`);
    return shape.centre;
  };

  it('draws the 53 districts of NRW with north up and west left', () => {
    expect(map.shapes).toHaveLength(53);
    expect(centre('Münster').y).toBeLessThan(centre('Köln').y);
    expect(centre('Städteregion Aachen').x).toBeLessThan(centre('Dortmund').x);
    expect(centre('Höxter').x).toBeGreaterThan(centre('Dortmund').x);
  });

  it('keeps NRW about as tall as it is wide (longitudes shortened at 51.5° N)', () => {
    expect(map.height / map.width).toBeGreaterThan(0.85);
    expect(map.height / map.width).toBeLessThan(1.05);
  });

  it('writes closed paths inside the drawing', () => {
    for (const shape of map.shapes) {
      expect(shape.path).toMatch(/^M[\d.]+ [\d.]+L.*Z$/);
      expect(shape.centre.x).toBeGreaterThanOrEqual(0);
      expect(shape.centre.x).toBeLessThanOrEqual(600);
      expect(shape.centre.y).toBeLessThanOrEqual(map.height);
    }
  });
});
