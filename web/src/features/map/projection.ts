type Position = number[];
type Ring = Position[];

export interface ShapeFeature {
  properties: { code: string; name: string; kind: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
}

/** A district drawn in the map's own coordinates: its SVG path and the middle of its bounding box. */
export interface ProjectedShape {
  code: string;
  name: string;
  kind: string;
  path: string;
  centre: { x: number; y: number };
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: ProjectedShape[];
}

function polygonsOf(geometry: ShapeFeature['geometry']): Ring[][] {
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Projects WGS84 outlines onto a `width` wide drawing: equirectangular, with longitudes shortened by
 * the cosine of the middle latitude so that shapes keep their proportions at the scale of one Land.
 */
export function projectShapes(features: ShapeFeature[], width: number, padding = 4): ProjectedMap {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const feature of features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const [lon = 0, lat = 0] of polygon.flat()) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
  }
  if (features.length === 0) return { width, height: 0, shapes: [] };

  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (width - 2 * padding) / Math.max((maxLon - minLon) * shrink, 1e-9);
  const height = Math.ceil((maxLat - minLat) * scale + 2 * padding);
  const x = (lon: number) => padding + (lon - minLon) * shrink * scale;
  const y = (lat: number) => padding + (maxLat - lat) * scale;

  const shapes = features.map((feature) => {
    let left = Infinity;
    let right = -Infinity;
    let top = Infinity;
    let bottom = -Infinity;
    const rings = polygonsOf(feature.geometry).flat();
    const path = rings
      .map((ring) =>
        ring
          .map(([lon = 0, lat = 0], index) => {
            const px = round(x(lon));
            const py = round(y(lat));
            left = Math.min(left, px);
            right = Math.max(right, px);
            top = Math.min(top, py);
            bottom = Math.max(bottom, py);
            return `${index === 0 ? 'M' : 'L'}${px} ${py}`;
          })
          .join(''),
      )
      .map((ring) => `${ring}Z`)
      .join('');
    return {
      code: feature.properties.code,
      name: feature.properties.name,
      kind: feature.properties.kind,
      path,
      centre: { x: round((left + right) / 2), y: round((top + bottom) / 2) },
    };
  });
  return { width, height, shapes };
}
