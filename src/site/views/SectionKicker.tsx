import type { Section } from '../../domain/index.ts';

/** The section label above a headline, linking to the section's front: "SECURITY" over the seed's headline. */
export function SectionKicker({ section }: { section: Pick<Section, 'slug' | 'name'> }) {
  return (
    <p class="kicker">
      <a href={`/${section.slug}`}>{section.name}</a>
    </p>
  );
}
