// The sizes of generated registers. 'reference' is the reference register of docs/domain.md (the benchmark's);
// the others keep the same shape, smaller. Persons, stays and placements are targets the simulation
// steers towards (it lands within a few percent); partners, structures and places are exact.
import type { StructureType } from '../../shared/domain';

export type ScaleName = 'test' | 'demo' | 'reference';

export interface Scale {
  partners: number;
  structures: Record<StructureType, number>;
  places: number;
  years: number;
  persons: number;
  stays: number;
  placements: number;
  /** Structures closed during the history (inactive, their places' active periods ended). */
  closedStructures: number;
  /** Housing contributions (exact). */
  contributions: number;
  /** Interventions and case notes over the history (targets: spread over the stays by length). */
  interventions: number;
  notes: number;
}

export const SCALES: Record<ScaleName, Scale> = {
  test: {
    partners: 2,
    structures: { shelter: 1, cohousing: 2, host_family: 2, other: 1 },
    places: 24,
    years: 1,
    persons: 70,
    stays: 100,
    placements: 150,
    closedStructures: 0,
    contributions: 40,
    interventions: 300,
    notes: 100,
  },
  demo: {
    partners: 3,
    structures: { shelter: 2, cohousing: 3, host_family: 2, other: 1 },
    places: 70,
    years: 2,
    persons: 600,
    stays: 900,
    placements: 1350,
    closedStructures: 0,
    contributions: 240,
    interventions: 4_000,
    notes: 1_300,
  },
  reference: {
    partners: 8,
    structures: { shelter: 10, cohousing: 18, host_family: 24, other: 8 },
    places: 600,
    years: 5,
    persons: 25_000,
    stays: 40_000,
    placements: 60_000,
    closedStructures: 2,
    contributions: 10_000,
    interventions: 300_000,
    notes: 100_000,
  },
};
