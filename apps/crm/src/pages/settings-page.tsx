import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '@codexion/resources';
import { callResource, PageHeader, useApi, useEntityText, useTranslation } from '@codexion/web';
import { useQuery } from '@tanstack/react-query';
import { ChevronRight, Columns3, KanbanSquare, Tag } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { crm } from '../entities.js';

function SettingsCard({ name, icon }: { name: 'pipeline' | 'stage' | 'tag'; icon: ReactNode }) {
  const { t } = useTranslation('crm');
  const entity = crm.entity(name);
  const text = useEntityText(entity);
  const { client, baseUrl } = useApi();
  const count = useQuery({
    queryKey: ['codexion', baseUrl, entity.resource, 'count'],
    queryFn: async ({ signal }) => {
      const { data } = await callResource<{ total?: number }>(entity, 'list', {
        client,
        query: { pageSize: 1, total: true },
        signal,
      });
      return data.total;
    },
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <span aria-hidden="true" className="text-primary [&>svg]:size-5">
            {icon}
          </span>
          <h2>{text.plural}</h2>
        </CardTitle>
        <CardDescription>{t(`settings.${entity.resource}`)}</CardDescription>
      </CardHeader>
      <CardContent className="text-muted-foreground text-sm">
        {count.data === undefined ? '\u00a0' : t('settings.count', { count: count.data })}
      </CardContent>
      <CardFooter>
        <Button variant="outline" asChild>
          <Link to={`../${entity.resource}`} relative="path">
            {t('settings.manage', { entities: text.plural })}
            <ChevronRight aria-hidden="true" />
          </Link>
        </Button>
      </CardFooter>
    </Card>
  );
}

/** Settings: the pipelines, their stages and the shared tags, each managed on its generated pages. */
export function SettingsPage() {
  const { t } = useTranslation('crm');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <div className="grid gap-4 md:grid-cols-3">
        <SettingsCard name="pipeline" icon={<KanbanSquare />} />
        <SettingsCard name="stage" icon={<Columns3 />} />
        <SettingsCard name="tag" icon={<Tag />} />
      </div>
    </div>
  );
}
