// The metric catalogue as Dutch-Excel CSV (and the rows of the "Definities" sheet of every xlsx export).
import { METRICS } from '@pact/projections';
import { csvDocument } from './csv.ts';

export const DEFINITION_HEAD = ['id', 'label', 'soort', 'eenheid', 'definitie', 'formule'];
export const definitionRows = () => METRICS.map((m) => [m.id, m.label, m.type, m.unit, m.definition, m.formula]);

export function metricsCsv(): string {
  return csvDocument([DEFINITION_HEAD, ...definitionRows()]);
}
