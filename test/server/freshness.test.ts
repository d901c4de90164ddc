// The freshness rule: each feed's newest landing day against its expected lag, on the
// prefecture's calendar (Asia/Shanghai), with the clock passed in; and the lag setting.
import { describe, expect, it } from 'vitest';
import { assessFreshness, DEFAULT_LAGS, localDay, parseFeedLags } from '../../src/lib/server/freshness';

// 08:30 in Changji on 3 December 2026 is 00:30 UTC.
const MORNING = new Date('2026-12-03T00:30:00Z');

describe('freshness', () => {
  it("counts days on the prefecture's calendar, not UTC's", () => {
    expect(localDay(new Date('2026-12-02T15:59:59Z'))).toBe('2026-12-02');
    expect(localDay(new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03');
  });

  it("is on time with yesterday's data by the morning, late with the day before's", () => {
    const onTime = assessFreshness([{ feed: 'settlements', newestDay: '2026-12-02' }], DEFAULT_LAGS, MORNING);
    expect(onTime).toMatchObject({ today: '2026-12-03', newestDay: '2026-12-02', daysOld: 1, late: false });
    const late = assessFreshness([{ feed: 'settlements', newestDay: '2026-12-01' }], DEFAULT_LAGS, MORNING);
    expect(late.late).toBe(true);
    expect(late.feeds[0]).toEqual({
      feed: 'settlements',
      title: { zh: '医保结算', en: 'Insurance settlements' },
      newestDay: '2026-12-01',
      daysOld: 2,
      expectedLagDays: 1,
      late: true
    });
  });

  it('judges each feed by its own lag and names only the late ones', () => {
    const lags = parseFeedLags('1,assets=31');
    const result = assessFreshness(
      [
        { feed: 'assets', newestDay: '2026-11-05' },
        { feed: 'referrals', newestDay: '2026-11-30' },
        { feed: 'settlements', newestDay: '2026-12-02' }
      ],
      lags,
      MORNING
    );
    expect(result.feeds.filter((f) => f.late).map((f) => f.feed)).toEqual(['referrals']);
    expect(result.feeds.find((f) => f.feed === 'assets')).toMatchObject({ daysOld: 28, expectedLagDays: 31, late: false });
    // How old the data is: the newest day of any feed.
    expect(result).toMatchObject({ newestDay: '2026-12-02', daysOld: 1, late: true });
  });

  it('has nothing to judge before any feed is loaded', () => {
    expect(assessFreshness([], DEFAULT_LAGS, MORNING)).toEqual({
      today: '2026-12-03',
      newestDay: null,
      daysOld: null,
      late: false,
      feeds: []
    });
  });

  it('reads HCI_FEED_LAG_DAYS: a default, per-feed lags, or nothing', () => {
    expect(parseFeedLags(undefined)).toEqual({ default: 1, byFeed: {} });
    expect(parseFeedLags(' ')).toEqual({ default: 1, byFeed: {} });
    expect(parseFeedLags('2')).toEqual({ default: 2, byFeed: {} });
    expect(parseFeedLags('assets = 31, public_health=7')).toEqual({ default: 1, byFeed: { assets: 31, public_health: 7 } });
  });

  it('refuses a bad value, naming the setting and the item', () => {
    expect(() => parseFeedLags('one')).toThrow(/HCI_FEED_LAG_DAYS: "one" is not a whole number of days/);
    expect(() => parseFeedLags('assets=-1')).toThrow(/"assets=-1" is not a whole number/);
    expect(() => parseFeedLags('assets=')).toThrow(/"assets=" is not a whole number/);
    expect(() => parseFeedLags('asset=3')).toThrow(/"asset" is not a feed; feeds are: appointments, settlements/);
  });
});
