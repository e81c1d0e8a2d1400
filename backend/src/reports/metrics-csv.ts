// The metric catalogue as Dutch-Excel CSV (and the rows of the "Definities" sheet of every xlsx export).
import { describeCatalogue, type RegionConfig } from '@pact/projections';
import { csvDocument } from './csv.ts';

export const DEFINITION_HEAD = ['id', 'label', 'soort', 'eenheid', 'definitie', 'regel', 'doel'];
export const definitionRows = (config: RegionConfig) =>
  describeCatalogue(config).map((m) => [m.id, m.label, m.type === 'stock' ? 'stand' : 'periode', m.unit, m.definition, m.formula, m.target ?? '']);

export function metricsCsv(config: RegionConfig): string {
  return csvDocument([DEFINITION_HEAD, ...definitionRows(config)]);
}
