import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Lang } from '../../i18n/messages.ts';

export type Comparison = components['schemas']['RegionComparison'];
export interface YearChoice { from?: number; to?: number }

export function useComparison(years: YearChoice) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['region', 'comparison', years.from ?? null, years.to ?? null, lang] as const,
    queryFn: async () => {
      const r = unwrap(await api.GET('/api/v1/region/comparison', { params: { query: { ...years, lang } } }));
      if (typeof r === 'string') throw new Error('Expected JSON');
      return r;
    },
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The same comparison as a file, in the chosen language. */
export function comparisonFileUrl(from: number, to: number, output: 'csv' | 'xlsx', lang: Lang = 'sv'): string {
  return `/api/v1/region/comparison?${new URLSearchParams({ from: String(from), to: String(to), output, lang })}`;
}
