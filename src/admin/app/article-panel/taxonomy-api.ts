import { api } from '../api.ts';

/** A section, label, tag or author to choose from. */
export interface Choice {
  id: string;
  name: string;
  slug: string;
}

export interface Choices {
  sections: Choice[];
  labels: Choice[];
  tags: Choice[];
  authors: Choice[];
}

/** Every section, label, tag and author, for the settings' selects and comboboxes. */
export async function loadChoices(): Promise<Choices> {
  const [sections, labels, tags, authors] = await Promise.all(
    (['sections', 'labels', 'tags', 'authors'] as const).map((kind) =>
      api<Record<string, Choice[]>>('GET', `/${kind}`).then((answer) => answer[kind] ?? []),
    ),
  );
  return { sections: sections ?? [], labels: labels ?? [], tags: tags ?? [], authors: authors ?? [] };
}

/** A paid tier a story can be chosen for. */
export interface TierChoice {
  id: string;
  name: string;
  archived: boolean;
}

/** The paid tiers, in the newsroom's order, for the "Chosen tiers" checkboxes (editors and admins may list them). */
export async function loadPaidTiers(): Promise<TierChoice[]> {
  const answer = await api<{ tiers: Array<TierChoice & { kind: string }> }>('GET', '/tiers');
  return answer.tiers
    .filter((tier) => tier.kind === 'paid')
    .map((tier) => ({ id: tier.id, name: tier.name, archived: tier.archived }));
}

/** Makes a tag on the fly, from the tag field. */
export function createTag(name: string): Promise<Choice> {
  return api<Choice>('POST', '/tags', { name });
}
