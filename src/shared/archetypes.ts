// The four staff-engineer archetypes Trailmark ships as built-in tags. Their ids are fixed so
// that seeding on every install or update finds them instead of adding them twice.
export interface ArchetypeSeed {
  id: string;
  name: string;
  color: string;
}

export const ARCHETYPES: readonly ArchetypeSeed[] = [
  { id: 'archetype-tech-lead', name: 'Tech Lead', color: '#2563eb' },
  { id: 'archetype-architect', name: 'Architect', color: '#7c3aed' },
  { id: 'archetype-solver', name: 'Solver', color: '#059669' },
  { id: 'archetype-right-hand', name: 'Right Hand', color: '#d97706' },
];

export const isArchetypeId = (id: string): boolean => ARCHETYPES.some((a) => a.id === id);
