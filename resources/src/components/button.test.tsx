import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button, buttonVariants } from './button.js';

describe('Button', () => {
  it('is a button of type "button" with the default variant', () => {
    render(<Button>Save</Button>);
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button.getAttribute('type')).toBe('button');
    expect(button.dataset.slot).toBe('button');
    expect(button.dataset.variant).toBe('default');
    expect(button.className).toContain('bg-primary');
  });

  it.each([
    ['secondary', 'bg-secondary'],
    ['outline', 'border-input'],
    ['ghost', 'hover:bg-accent'],
    ['danger', 'bg-danger'],
    ['link', 'underline-offset-4'],
  ] as const)('variant %s uses the matching token classes', (variant, className) => {
    render(<Button variant={variant}>Go</Button>);
    const button = screen.getByRole('button', { name: 'Go' });
    expect(button.dataset.variant).toBe(variant);
    expect(button.className).toContain(className);
  });

  it('lets className override the defaults', () => {
    render(
      <Button size="sm" className="px-8">
        Wide
      </Button>,
    );
    const className = screen.getByRole('button', { name: 'Wide' }).className;
    expect(className).toContain('px-8');
    expect(className).not.toContain('px-3 ');
  });

  it('does not fire onClick when disabled', async () => {
    const onClick = vi.fn();
    render(
      <Button disabled onClick={onClick}>
        Send
      </Button>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onClick).not.toHaveBeenCalled();
  });

  it('is busy and disabled while loading', async () => {
    const onClick = vi.fn();
    render(
      <Button loading onClick={onClick}>
        Saving
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Saving' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('renders its child with asChild (a link that looks like a button)', () => {
    render(
      <Button asChild variant="outline">
        <a href="/deals/new">New deal</a>
      </Button>,
    );
    const link = screen.getByRole('link', { name: 'New deal' });
    expect(link.getAttribute('href')).toBe('/deals/new');
    expect(link.className).toContain('border-input');
    expect(link.hasAttribute('type')).toBe(false);
  });

  it('exposes its classes for other elements', () => {
    expect(buttonVariants({ variant: 'danger', size: 'lg' })).toContain('bg-danger');
  });
});
