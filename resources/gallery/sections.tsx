import {
  Avatar,
  AvatarFallback,
  Badge,
  Breadcrumbs,
  Button,
  Calendar,
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  Checkbox,
  Combobox,
  type ComboboxOption,
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandSeparator,
  CommandShortcut,
  DatePicker,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
  EmptyState,
  FormField,
  Input,
  Label,
  Pagination,
  Popover,
  PopoverContent,
  PopoverTrigger,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Sheet,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
  Skeleton,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  Textarea,
  Tooltip,
  TooltipContent,
  TooltipTrigger,
  toast,
} from '@codexion/resources';
import {
  ArchiveIcon,
  CopyIcon,
  EllipsisIcon,
  InboxIcon,
  MailIcon,
  PencilIcon,
  PlusIcon,
  SlidersHorizontalIcon,
  Trash2Icon,
} from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { TokenSwatches } from './token-swatches.js';

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20 border-b pb-10 last:border-b-0">
      <h2 id={`${id}-title`} className="font-semibold text-xl tracking-tight">
        {title}
      </h2>
      <p className="mt-1 mb-6 text-muted-foreground text-sm">{description}</p>
      {children}
    </section>
  );
}

function Demo({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <h3 className="mb-3 font-medium text-muted-foreground text-xs uppercase tracking-wide">{title}</h3>
      {children}
    </div>
  );
}

const stages: ComboboxOption[] = [
  { value: 'lead', label: 'Lead' },
  { value: 'qualified', label: 'Qualified' },
  { value: 'proposal', label: 'Proposal' },
  { value: 'negotiation', label: 'Negotiation' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost', disabled: true },
];

const accounts: ComboboxOption[] = [
  { value: 'acc_1', label: 'Acme Corporation', description: 'acme.example' },
  { value: 'acc_2', label: 'Globex', description: 'globex.example' },
  { value: 'acc_3', label: 'Initech', description: 'initech.example' },
  { value: 'acc_4', label: 'Umbrella Health', description: 'umbrella.example' },
  { value: 'acc_5', label: 'Stark Industries', description: 'stark.example' },
];

/* stands in for a server search: latency and a filter */
const searchAccounts = (query: string, { signal }: { signal: AbortSignal }) =>
  new Promise<ComboboxOption[]>((resolve, reject) => {
    const timer = setTimeout(
      () => resolve(accounts.filter((account) => account.label.toLowerCase().includes(query.toLowerCase()))),
      300,
    );
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

const deals = [
  {
    id: 'D-1042',
    name: 'Acme renewal',
    account: 'Acme Corporation',
    amount: '€ 48,000',
    stage: 'Won',
    variant: 'success',
  },
  {
    id: 'D-1043',
    name: 'Globex expansion',
    account: 'Globex',
    amount: '€ 12,500',
    stage: 'Proposal',
    variant: 'info',
  },
  {
    id: 'D-1044',
    name: 'Initech pilot',
    account: 'Initech',
    amount: '€ 3,200',
    stage: 'At risk',
    variant: 'warning',
  },
  {
    id: 'D-1045',
    name: 'Umbrella rollout',
    account: 'Umbrella Health',
    amount: '€ 91,000',
    stage: 'Lost',
    variant: 'danger',
  },
] as const;

const fixedDay = new Date(2025, 5, 16);

export function Sections() {
  const [page, setPage] = useState(3);
  const [pageSize, setPageSize] = useState(25);
  const [stage, setStage] = useState<string | null>('qualified');
  const [account, setAccount] = useState<string | null>(null);
  const [closeDate, setCloseDate] = useState<Date | null>(fixedDay);
  const [calendarDay, setCalendarDay] = useState<Date | undefined>(fixedDay);
  const [notify, setNotify] = useState(true);
  const [showArchived, setShowArchived] = useState(false);

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-10">
      <header>
        <h1 className="font-semibold text-2xl tracking-tight">Codexion design system</h1>
        <p className="mt-1 text-muted-foreground">
          Every primitive of <code className="font-mono text-sm">@codexion/resources</code>, styled only from
          the tokens. Switch the theme with the button in the top bar.
        </p>
      </header>

      <Section
        id="tokens"
        title="Tokens"
        description="Color scales (oklch), semantic roles, type, radii and shadows."
      >
        <TokenSwatches />
      </Section>

      <Section id="buttons" title="Buttons & badges" description="Variants, sizes and states.">
        <div className="grid gap-8 md:grid-cols-2">
          <Demo title="Variants" className="md:col-span-2">
            <div className="flex flex-wrap items-center gap-2">
              <Button>Primary</Button>
              <Button variant="secondary">Secondary</Button>
              <Button variant="outline">Outline</Button>
              <Button variant="ghost">Ghost</Button>
              <Button variant="danger">Danger</Button>
              <Button variant="link">Link</Button>
            </div>
          </Demo>
          <Demo title="Sizes and states" className="md:col-span-2">
            <div className="flex flex-wrap items-center gap-2">
              <Button size="sm">Small</Button>
              <Button size="lg">
                <PlusIcon aria-hidden="true" />
                Large
              </Button>
              <Button disabled>Disabled</Button>
              <Button loading>Saving</Button>
              <Tooltip>
                <TooltipTrigger asChild>
                  <Button variant="outline" size="icon" aria-label="Edit">
                    <PencilIcon aria-hidden="true" />
                  </Button>
                </TooltipTrigger>
                <TooltipContent>Edit</TooltipContent>
              </Tooltip>
              <Button variant="ghost" size="icon-sm" aria-label="Archive">
                <ArchiveIcon aria-hidden="true" />
              </Button>
            </div>
          </Demo>
          <Demo title="Badges">
            <div className="flex flex-wrap items-center gap-2">
              <Badge>Default</Badge>
              <Badge variant="secondary">Secondary</Badge>
              <Badge variant="outline">Outline</Badge>
              <Badge variant="success">Won</Badge>
              <Badge variant="info">Proposal</Badge>
              <Badge variant="warning">At risk</Badge>
              <Badge variant="danger">Lost</Badge>
            </div>
          </Demo>
          <Demo title="Avatars">
            <div className="flex items-center gap-2">
              <Avatar>
                <AvatarFallback>AL</AvatarFallback>
              </Avatar>
              <Avatar className="size-10">
                <AvatarFallback>GH</AvatarFallback>
              </Avatar>
              <Avatar className="size-10">
                <AvatarFallback className="bg-primary text-primary-foreground">KJ</AvatarFallback>
              </Avatar>
            </div>
          </Demo>
        </div>
      </Section>

      <Section
        id="forms"
        title="Form controls"
        description="FormField wires label, description and error to the control (aria-describedby, aria-invalid)."
      >
        <Card>
          <CardContent className="grid gap-6 md:grid-cols-2">
            <FormField label="Deal name" description="Shown in lists and search." required>
              <Input placeholder="Acme renewal" defaultValue="Acme renewal" />
            </FormField>
            <FormField label="Contact email" error="Enter a valid email address.">
              <Input type="email" defaultValue="ada@" />
            </FormField>
            <FormField label="Stage (Select)">
              {(control) => (
                <Select value={stage ?? undefined} onValueChange={setStage}>
                  <SelectTrigger {...control} className="w-full">
                    <SelectValue placeholder="Choose a stage" />
                  </SelectTrigger>
                  <SelectContent>
                    {stages.map((option) => (
                      <SelectItem key={option.value} value={option.value} disabled={option.disabled}>
                        {option.label}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </FormField>
            <FormField label="Account (async Combobox)" description="Searches as you type.">
              <Combobox
                value={account}
                onValueChange={setAccount}
                loadOptions={searchAccounts}
                placeholder="Choose an account"
                clearable
              />
            </FormField>
            <FormField label="Stage (Combobox)">
              <Combobox value={stage} onValueChange={setStage} options={stages} />
            </FormField>
            <FormField label="Expected close date">
              <DatePicker value={closeDate} onValueChange={setCloseDate} locale="en-GB" />
            </FormField>
            <FormField label="Notes" className="md:col-span-2">
              <Textarea placeholder="What was agreed…" rows={3} />
            </FormField>
            <div className="flex flex-col gap-4">
              <FormField label="Email me about changes" orientation="horizontal">
                <Switch checked={notify} onCheckedChange={setNotify} />
              </FormField>
              <FormField
                label="Show archived deals"
                description="Archived deals are read-only."
                orientation="horizontal"
              >
                <Checkbox
                  checked={showArchived}
                  onCheckedChange={(value) => setShowArchived(value === true)}
                />
              </FormField>
            </div>
            <div className="flex flex-col gap-3">
              <div className="flex items-center gap-2">
                <Checkbox id="indeterminate" checked="indeterminate" />
                <Label htmlFor="indeterminate">Some selected</Label>
              </div>
              <div className="flex items-center gap-2">
                <Checkbox id="disabled-checkbox" disabled />
                <Label htmlFor="disabled-checkbox">Disabled</Label>
              </div>
              <div className="flex items-center gap-2">
                <Switch id="disabled-switch" disabled defaultChecked />
                <Label htmlFor="disabled-switch">Disabled switch</Label>
              </div>
            </div>
          </CardContent>
          <CardFooter className="justify-end gap-2 border-t">
            <Button variant="outline">Cancel</Button>
            <Button onClick={() => toast.success('Deal saved')}>Save deal</Button>
          </CardFooter>
        </Card>
      </Section>

      <Section
        id="data"
        title="Cards & tables"
        description="Surfaces for figures and lists, with pagination."
      >
        <div className="grid gap-4 sm:grid-cols-3">
          {[
            { title: 'Open pipeline', value: '€ 254,300', note: '+12% on last month' },
            { title: 'Won this quarter', value: '€ 91,800', note: '14 deals' },
            { title: 'Win rate', value: '38%', note: 'Last 90 days' },
          ].map((stat) => (
            <Card key={stat.title} className="gap-2">
              <CardHeader>
                <CardDescription>{stat.title}</CardDescription>
                <CardTitle className="text-2xl tabular-nums">{stat.value}</CardTitle>
              </CardHeader>
              <CardContent className="text-muted-foreground text-sm">{stat.note}</CardContent>
            </Card>
          ))}
        </div>
        <Card className="mt-4 gap-0 py-0">
          <CardHeader className="border-b py-4">
            <CardTitle>Deals</CardTitle>
            <CardDescription>Four of 74 deals</CardDescription>
            <CardAction>
              <Button size="sm">
                <PlusIcon aria-hidden="true" />
                New deal
              </Button>
            </CardAction>
          </CardHeader>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-10 ps-4">
                  <Checkbox aria-label="Select all deals" />
                </TableHead>
                <TableHead>Deal</TableHead>
                <TableHead>Account</TableHead>
                <TableHead className="text-end">Amount</TableHead>
                <TableHead>Stage</TableHead>
                <TableHead className="w-10">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {deals.map((deal, index) => (
                <TableRow key={deal.id} data-state={index === 1 ? 'selected' : undefined}>
                  <TableCell className="ps-4">
                    <Checkbox aria-label={`Select ${deal.name}`} defaultChecked={index === 1} />
                  </TableCell>
                  <TableCell>
                    <div className="font-medium">{deal.name}</div>
                    <div className="text-muted-foreground text-xs">{deal.id}</div>
                  </TableCell>
                  <TableCell>{deal.account}</TableCell>
                  <TableCell className="text-end tabular-nums">{deal.amount}</TableCell>
                  <TableCell>
                    <Badge variant={deal.variant}>{deal.stage}</Badge>
                  </TableCell>
                  <TableCell className="pe-4">
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${deal.name}`}>
                          <EllipsisIcon aria-hidden="true" />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem>Open</DropdownMenuItem>
                        <DropdownMenuItem variant="danger">Delete</DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="border-t px-4 py-3">
            <Pagination
              labels={{ pagination: 'Deals pagination' }}
              page={page}
              pageCount={12}
              onPageChange={setPage}
              pageSize={pageSize}
              pageSizeOptions={[10, 25, 50]}
              onPageSizeChange={setPageSize}
            />
          </div>
        </Card>
        <div className="mt-4">
          <Demo title="Pagination without a known total (cursor paging)">
            <Pagination
              page={2}
              hasNextPage
              onPageChange={() => undefined}
              labels={{ pagination: 'Example cursor pagination' }}
            />
          </Demo>
        </div>
      </Section>

      <Section
        id="navigation"
        title="Navigation"
        description="Tabs and breadcrumbs. The layout around this page is AppShell."
      >
        <div className="grid gap-8 lg:grid-cols-2">
          <Demo title="Tabs">
            <Tabs defaultValue="details">
              <TabsList>
                <TabsTrigger value="details">Details</TabsTrigger>
                <TabsTrigger value="activity">Activity</TabsTrigger>
                <TabsTrigger value="files">Files</TabsTrigger>
                <TabsTrigger value="audit" disabled>
                  Audit
                </TabsTrigger>
              </TabsList>
              <TabsContent value="details" className="rounded-lg border p-4 text-sm">
                Acme renewal: € 48,000, closing in June.
              </TabsContent>
              <TabsContent value="activity" className="rounded-lg border p-4 text-sm">
                3 calls, 5 emails.
              </TabsContent>
              <TabsContent value="files" className="rounded-lg border p-4 text-sm">
                No files yet.
              </TabsContent>
            </Tabs>
          </Demo>
          <Demo title="Breadcrumbs">
            <Breadcrumbs
              label="Example breadcrumb"
              items={[
                { label: 'CRM', href: '#navigation' },
                { label: 'Deals', href: '#navigation' },
                { label: 'Acme renewal' },
              ]}
            />
          </Demo>
        </div>
      </Section>

      <Section id="overlays" title="Overlays" description="Dialog, sheet, menu, popover, tooltip and toasts.">
        <div className="flex flex-wrap items-center gap-2">
          <Dialog>
            <DialogTrigger asChild>
              <Button variant="outline">Open dialog</Button>
            </DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>Delete this deal?</DialogTitle>
                <DialogDescription>
                  “Acme renewal” and its activities will be deleted. This cannot be undone.
                </DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">Cancel</Button>
                </DialogClose>
                <DialogClose asChild>
                  <Button variant="danger">Delete</Button>
                </DialogClose>
              </DialogFooter>
            </DialogContent>
          </Dialog>
          <Sheet>
            <SheetTrigger asChild>
              <Button variant="outline">
                <SlidersHorizontalIcon aria-hidden="true" />
                Open sheet
              </Button>
            </SheetTrigger>
            <SheetContent>
              <SheetHeader>
                <SheetTitle>Filters</SheetTitle>
                <SheetDescription>Narrow the list of deals.</SheetDescription>
              </SheetHeader>
              <div className="grid gap-4 px-4">
                <FormField label="Owner">
                  <Input placeholder="Anyone" />
                </FormField>
              </div>
              <SheetFooter>
                <Button>Apply</Button>
              </SheetFooter>
            </SheetContent>
          </Sheet>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="outline">Open menu</Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent className="w-56">
              <DropdownMenuLabel>Deal</DropdownMenuLabel>
              <DropdownMenuItem>
                <PencilIcon aria-hidden="true" />
                Edit
                <DropdownMenuShortcut>E</DropdownMenuShortcut>
              </DropdownMenuItem>
              <DropdownMenuItem>
                <CopyIcon aria-hidden="true" />
                Duplicate
              </DropdownMenuItem>
              <DropdownMenuCheckboxItem checked>Pinned</DropdownMenuCheckboxItem>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="danger">
                <Trash2Icon aria-hidden="true" />
                Delete
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
          <Popover>
            <PopoverTrigger asChild>
              <Button variant="outline">Open popover</Button>
            </PopoverTrigger>
            <PopoverContent className="grid gap-3">
              <p className="font-medium text-sm">Share this view</p>
              <Input aria-label="Link" readOnly value="https://codexion.example/v/42" />
            </PopoverContent>
          </Popover>
          <Tooltip>
            <TooltipTrigger asChild>
              <Button variant="outline">Hover for a tooltip</Button>
            </TooltipTrigger>
            <TooltipContent>Tooltips hint; they never hold the only label</TooltipContent>
          </Tooltip>
          <Button
            variant="secondary"
            onClick={() => toast('Deal archived', { description: 'You can restore it for 30 days.' })}
          >
            Toast
          </Button>
          <Button variant="secondary" onClick={() => toast.success('Deal saved')}>
            Success toast
          </Button>
          <Button
            variant="secondary"
            onClick={() => toast.error('Could not save', { description: 'The deal changed meanwhile.' })}
          >
            Error toast
          </Button>
        </div>
      </Section>

      <Section
        id="pickers"
        title="Calendar & command"
        description="What DatePicker and CommandPalette (Ctrl+K) show in their popover and dialog, here inline."
      >
        <div className="grid gap-6 md:grid-cols-[auto_1fr]">
          <Demo title="Calendar">
            <Card className="w-fit py-0">
              <Calendar
                mode="single"
                selected={calendarDay}
                onSelect={setCalendarDay}
                defaultMonth={fixedDay}
                today={fixedDay}
              />
            </Card>
          </Demo>
          <Demo title="Command">
            <Card className="max-w-md overflow-hidden py-0">
              <Command label="Example commands">
                <CommandInput placeholder="Type a command or search…" />
                <CommandList>
                  <CommandEmpty>No results</CommandEmpty>
                  <CommandGroup heading="Deals">
                    <CommandItem>
                      <PlusIcon aria-hidden="true" />
                      New deal
                      <CommandShortcut>N</CommandShortcut>
                    </CommandItem>
                    <CommandItem>
                      <InboxIcon aria-hidden="true" />
                      Open inbox
                    </CommandItem>
                  </CommandGroup>
                  <CommandSeparator />
                  <CommandGroup heading="Contacts">
                    <CommandItem>
                      <MailIcon aria-hidden="true" />
                      Email Ada Lovelace
                    </CommandItem>
                  </CommandGroup>
                </CommandList>
              </Command>
            </Card>
          </Demo>
        </div>
      </Section>

      <Section id="feedback" title="Feedback" description="Loading placeholders and empty states.">
        <div className="grid gap-8 lg:grid-cols-2">
          <Demo title="Skeleton">
            <div className="flex items-center gap-4 rounded-lg border p-4">
              <Skeleton className="size-10 rounded-full" />
              <div className="flex flex-1 flex-col gap-2">
                <Skeleton className="h-4 w-2/3" />
                <Skeleton className="h-4 w-1/2" />
              </div>
            </div>
          </Demo>
          <Demo title="Empty state">
            <EmptyState
              icon={<InboxIcon />}
              title="No deals yet"
              description="Deals you create or import show up here."
              action={
                <Button size="sm">
                  <PlusIcon aria-hidden="true" />
                  New deal
                </Button>
              }
            />
          </Demo>
        </div>
      </Section>
    </div>
  );
}
