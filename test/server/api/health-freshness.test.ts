// /api/health says whether the data is as recent as expected: on the fixture warehouse (newest
// landing day 2025-12-31, loaded by run-1) every feed is late by today's clock unless the lag
// setting allows for it; a bad setting stops the API from starting.
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src/lib/server/api/app';
import { daysBetween, LAG_ENV, localDay } from '../../../src/lib/server/freshness';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { apiFixture } from './helpers';

const saved = process.env[LAG_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[LAG_ENV];
  else process.env[LAG_ENV] = saved;
});

async function health(lag?: string) {
  if (lag === undefined) delete process.env[LAG_ENV];
  else process.env[LAG_ENV] = lag;
  const api = await apiFixture();
  try {
    return await api.json('/api/health');
  } finally {
    api.close();
  }
}

describe('/api/health freshness', () => {
  it('reports late data, how old it is and which feeds are late', async () => {
    const body = await health();
    const today = localDay(new Date());
    const daysOld = daysBetween('2025-12-31', today);
    expect(body.freshness).toEqual({
      today,
      newestDay: '2025-12-31',
      daysOld,
      late: true,
      // The failed run's settlements day (2025-12-30) is not data; both feeds' newest day is run-1's.
      feeds: [
        {
          feed: 'referrals',
          title: { zh: '双向转诊', en: 'Two-way referrals' },
          newestDay: '2025-12-31',
          daysOld,
          expectedLagDays: 1,
          late: true
        },
        {
          feed: 'settlements',
          title: { zh: '医保结算', en: 'Insurance settlements' },
          newestDay: '2025-12-31',
          daysOld,
          expectedLagDays: 1,
          late: true
        }
      ]
    });
  });

  it('follows HCI_FEED_LAG_DAYS per feed', async () => {
    const body = await health('1,referrals=100000');
    expect(body.freshness.late).toBe(true);
    expect(body.freshness.feeds.map((f: { feed: string; late: boolean }) => [f.feed, f.late])).toEqual([
      ['referrals', false],
      ['settlements', true]
    ]);
    expect((await health('100000')).freshness.late).toBe(false);
  });

  it('refuses to start with a bad lag setting', () => {
    process.env[LAG_ENV] = 'settlements=soon';
    const warehouse = new Warehouse('/nonexistent/warehouse.duckdb');
    expect(() => createApi({ warehouse })).toThrow(/HCI_FEED_LAG_DAYS: "settlements=soon" is not a whole number of days/);
    warehouse.close();
  });
});
