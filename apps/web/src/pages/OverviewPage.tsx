import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { activityKeys } from '../api/queries.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const FIRST_YEAR = 2016;

export function OverviewPage() {
  const { t, number } = useI18n();
  useDocumentTitle(t.overview.title);
  const [sp, setSp] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const yearParam = Number(sp.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= FIRST_YEAR && yearParam <= thisYear ? yearParam : thisYear;
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const filters = { from: `${year}-01-01`, to: `${year}-12-31`, order: 'asc' as const };
  const count = useQuery({
    queryKey: [...activityKeys.list(filters), 'count'],
    queryFn: async () => unwrap(await api.GET('/api/v1/activities', { params: { query: { ...filters, limit: 1, withTotal: 'true' } } })).total ?? 0,
  });

  return (
    <>
      <div className="page-head">
        <h1>{t.overview.title}</h1>
        <div className="field field--inline">
          <label htmlFor="overview-year">{t.overview.year}</label>
          <select id="overview-year" className="input" value={year} onChange={(e) => setSp({ year: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="lead" role="status">
        {count.isPending ? t.common.loading : count.isError ? t.common.loadError : t.overview.activities(count.data, number(count.data))}
      </p>
    </>
  );
}
