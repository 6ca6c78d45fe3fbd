import { describe, expect, it } from 'vitest';
import {
  closingThisMonth,
  currenciesByValue,
  endOfMonth,
  openTotals,
  outcomesByMonth,
  pipelineByStage,
  toDealFacts,
  toStageFacts,
  winRate,
} from './dashboard-figures.js';

const today = '2026-11-16';
const stages = toStageFacts([
  { id: 's2', name: 'Proposal', position: 2, pipelineId: 'p1' },
  { id: 's1', name: 'Qualified', position: 1, pipelineId: 'p1' },
  { id: 's3', name: 'Negotiation', position: 3, pipelineId: 'p1' },
]);
const deals = toDealFacts([
  {
    id: 'd1',
    title: 'A',
    amount: 100_00,
    currency: 'EUR',
    status: 'open',
    stageId: 's1',
    pipelineId: 'p1',
    probability: 0.2,
    expectedCloseDate: '2026-11-20',
  },
  {
    id: 'd2',
    title: 'B',
    amount: 300_00,
    currency: 'EUR',
    status: 'open',
    stageId: 's1',
    pipelineId: 'p1',
    probability: 0.5,
    expectedCloseDate: '2026-11-03',
  },
  {
    id: 'd3',
    title: 'C',
    amount: 900_00,
    currency: 'USD',
    status: 'open',
    stageId: 's2',
    pipelineId: 'p1',
    probability: 0.5,
    expectedCloseDate: '2026-12-01',
  },
  {
    id: 'd4',
    title: 'D',
    amount: 50_00,
    currency: 'EUR',
    status: 'won',
    stageId: 's3',
    pipelineId: 'p1',
    closedAt: '2026-10-02T10:00:00Z',
  },
  {
    id: 'd5',
    title: 'E',
    amount: 70_00,
    currency: 'EUR',
    status: 'lost',
    stageId: 's2',
    pipelineId: 'p1',
    closedAt: '2026-11-10T10:00:00Z',
  },
  {
    id: 'd6',
    title: 'F',
    amount: 70_00,
    currency: 'EUR',
    status: 'won',
    stageId: 's2',
    pipelineId: 'p1',
    closedAt: '2026-06-01T10:00:00Z',
  },
  {
    id: 'd7',
    title: 'G',
    amount: 10_00,
    currency: 'EUR',
    status: 'won',
    stageId: 's2',
    pipelineId: 'p1',
    closedAt: '2026-04-01T10:00:00Z',
  },
  { title: 'no id', stageId: 's1', status: 'open' },
  { id: 'bad', stageId: 's1', status: 'archived' },
]);

describe('dashboard figures', () => {
  it('reads only well-formed deals and orders stages by position', () => {
    expect(deals.map((deal) => deal.id)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
    expect(stages.map((stage) => stage.name)).toEqual(['Qualified', 'Proposal', 'Negotiation']);
  });

  it('sums open value by stage in one currency, empty stages included', () => {
    expect(pipelineByStage(deals, stages, 'EUR')).toEqual([
      { stageId: 's1', name: 'Qualified', value: 400_00, count: 2 },
      { stageId: 's2', name: 'Proposal', value: 0, count: 0 },
      { stageId: 's3', name: 'Negotiation', value: 0, count: 0 },
    ]);
    expect(pipelineByStage(deals, stages, 'USD')[1]).toMatchObject({ value: 900_00, count: 1 });
    expect(currenciesByValue(deals)).toEqual(['USD', 'EUR']);
  });

  it('weights open value by probability', () => {
    expect(openTotals(deals, 'EUR')).toEqual({ count: 3, value: 400_00, weighted: 170_00 });
  });

  it('computes the win rate of the last 90 days', () => {
    expect(winRate(deals, today)).toEqual({ won: 1, closed: 2, rate: 0.5 });
    expect(winRate([], today).rate).toBeUndefined();
  });

  it('lists open deals closing this calendar month, soonest first', () => {
    expect(closingThisMonth(deals, today).map((deal) => deal.id)).toEqual(['d2', 'd1']);
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
  });

  it('counts won and lost per month for the last six months', () => {
    expect(outcomesByMonth(deals, today)).toEqual([
      { month: '2026-06', won: 1, lost: 0 },
      { month: '2026-07', won: 0, lost: 0 },
      { month: '2026-08', won: 0, lost: 0 },
      { month: '2026-09', won: 0, lost: 0 },
      { month: '2026-10', won: 1, lost: 0 },
      { month: '2026-11', won: 0, lost: 1 },
    ]);
  });
});
