import { Badge, Card, CardContent, CardHeader, CardTitle } from '@codexion/resources';
import { type DetailSlotProps, useEntityText } from '@codexion/web';
import type { ProductOption } from '../../core/generated/client/types.gen.js';

/**
 * A product's options with every value they take (Size: S · M · L), on its detail page where the
 * generic field list would name only the options: what a merchant checks before adding a variant.
 */
export function ProductOptionsCard({ entity, record }: DetailSlotProps) {
  const text = useEntityText(entity);
  const options = Array.isArray(record.options) ? (record.options as ProductOption[]) : [];
  if (options.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{text.field('options')}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 sm:grid-cols-[auto_1fr]">
          {options.map((option) => (
            <div key={option.name} className="contents">
              <dt className="text-muted-foreground text-sm">{option.name}</dt>
              <dd className="flex flex-wrap gap-1">
                {option.values.map((value) => (
                  <Badge key={value} variant="outline">
                    {value}
                  </Badge>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
