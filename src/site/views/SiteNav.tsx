import type { Section } from '../../domain/index.ts';

interface SiteNavProps {
  sections: readonly Section[];
  currentSection?: string | undefined;
}

/** The section nav: only sections that have a published story, so no link leads to an empty front. */
export function SiteNav({ sections, currentSection }: SiteNavProps) {
  if (sections.length === 0) return null;
  return (
    <nav class="site-nav" aria-label="Sections">
      <div class="wrap">
        <ul>
          {sections.map((section) => (
            <li key={section.slug}>
              <a href={`/${section.slug}`} aria-current={section.slug === currentSection ? 'page' : undefined}>
                {section.name}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
