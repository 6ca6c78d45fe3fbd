import { Badge, cn, controlClassName } from '@codexion/resources';
import { X } from 'lucide-react';
import { type ComponentProps, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TagsInputProps extends Omit<ComponentProps<'input'>, 'value' | 'onChange'> {
  value: string[];
  onChange: (value: string[]) => void;
}

/**
 * A list of short strings: type and press Enter or comma to add, Backspace on an empty input to
 * remove the last, or the × on a tag.
 *
 * @example
 * <TagsInput value={tags} onChange={setTags} />
 */
export function TagsInput({ value, onChange, className, onBlur, ...props }: TagsInputProps) {
  const { t } = useTranslation('codexion');
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim();
    if (tag && !value.includes(tag)) onChange([...value, tag]);
    setDraft('');
  };
  return (
    <div
      data-slot="tags-input"
      className={cn(
        controlClassName,
        'flex h-auto min-h-9 flex-wrap items-center gap-1 px-2 py-1',
        className,
      )}
    >
      {value.map((tag) => (
        <Badge key={tag} variant="secondary" className="gap-1 pe-1">
          {tag}
          <button
            type="button"
            className="rounded-sm hover:bg-background/60"
            aria-label={t('tags.remove', { tag })}
            onClick={() => onChange(value.filter((other) => other !== tag))}
          >
            <X aria-hidden="true" className="size-3" />
          </button>
        </Badge>
      ))}
      <input
        className="min-w-24 flex-1 bg-transparent py-0.5 text-sm outline-none placeholder:text-muted-foreground"
        value={draft}
        placeholder={value.length ? undefined : t('tags.placeholder')}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={(event) => {
          add();
          onBlur?.(event);
        }}
        {...props}
      />
    </div>
  );
}
