// What other packages may import from the backend: the app's type, for the frontend's typed client (`hc<App>`).
export type { App } from './app.ts';
// The event vocabulary's types, so the dashboard's forms offer exactly the values the schemas accept.
export type { CaseEvent, CaseState, EventData, EventType, PactEvent } from '@pact/events';
// Shapes of answers whose routes also serve CSV (the typed client cannot infer those).
export type { DescribedMetric, RegionConfig, Signal, SignalList, Verdict } from '@pact/projections';
