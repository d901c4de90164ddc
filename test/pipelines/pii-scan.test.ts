// The PII scan on a small hand-made warehouse: each scan path (a fact's coded columns judged by
// distinct value, a fact's free columns by pattern, a mart's rebuilt days) catches what is planted
// in it, and rows outside this run's scope are left to the run that wrote them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../datasets/contract/id-number';
import { piiScan } from '../../pipelines/checks';
import { createFactSql } from '../../pipelines/core';
import { modelFiles } from '../../pipelines/models';
import { Database } from '../../pipelines/warehouse';
import { referrals, settlements } from '../../datasets/contract/feeds';

const idNumber = makeIdNumber('652301', '1980-01-01', 123);
let db: Database;

beforeEach(async () => {
  db = await Database.open(':memory:');
  await db.runFile(modelFiles()[0]);
  await db.run(createFactSql(settlements));
  await db.run(createFactSql(referrals));
  await db.run(`CREATE TABLE mart_services.visits_daily (day DATE, institution_code VARCHAR, channel VARCHAR, visits BIGINT)`);
  await db.run(`CREATE TEMP TABLE run_dates AS SELECT DATE '2025-03-14' AS d`);
  await db.run(`CREATE TEMP TABLE affected_dates AS SELECT DATE '2025-03-14' AS d`);
  await db.run(`CREATE TEMP TABLE affected_months AS SELECT DATE '2025-03-01' AS month`);
  await db.run(`INSERT INTO mart_services.visits_daily VALUES ('2025-03-14', 'JG6523010001', 'face', 12)`);
  await db.run(`INSERT INTO core.fact_settlements (event_date, partition_date, source_date, settlement_id, institution_code, channel, person_key)
    VALUES ('2025-03-14', '2025-03-14', '2025-03-14', 'ST202503140000001', 'JG6523010001', 'face', 'ghijklmnopghijklmnopghijklmnopgh')`);
});

afterEach(() => db.close());

describe('PII scan', () => {
  it('passes a clean warehouse', async () => {
    const result = await piiScan(db);
    expect(result.passed).toBe(true);
    expect(result.detail).toMatch(/text columns scanned/);
  });

  it('catches an ID number in a coded fact column, a mobile in a free fact column, and a name in a mart', async () => {
    await db.run(`UPDATE core.fact_settlements SET department = ?, settlement_id = 'ST 13812345678'`, [`id ${idNumber}`]);
    await db.run(`INSERT INTO mart_services.visits_daily VALUES ('2025-03-14', 'JG6523010001', '家属：卡德尔', 3)`);
    const result = await piiScan(db);
    expect(result.passed).toBe(false);
    expect(result.failingRows).toBe(3);
    expect(result.detail).toContain('core.fact_settlements.department: ID number');
    expect(result.detail).toContain('core.fact_settlements.settlement_id: mobile number');
    expect(result.detail).toContain('mart_services.visits_daily.channel: a personal name');
  });

  it('blocks a name it has never seen in free text, and a street address, and passes a clinical note', async () => {
    const referral = (id: string, text: string) =>
      db.run(
        `INSERT INTO core.fact_referrals (event_date, partition_date, source_date, referral_id, diagnosis_text)
      VALUES ('2025-03-14', '2025-03-14', '2025-03-14', ?, ?)`,
        [id, text]
      );
    await referral('R1', '急性胸痛，母亲高血压病史，转上级医院');
    expect((await piiScan(db)).passed).toBe(true);
    await referral('R2', '患者努尔比亚·艾山胸痛2小时');
    await referral('R3', '现住宁边路88号');
    const result = await piiScan(db);
    expect(result).toMatchObject({ passed: false, failingRows: 2, severity: 'error' });
    expect(result.detail).toContain('core.fact_referrals.diagnosis_text: a personal name');
    expect(result.detail).toContain('core.fact_referrals.diagnosis_text: address');
  });

  it('leaves rows outside the run to the run that wrote them', async () => {
    await db.run(`INSERT INTO mart_services.visits_daily VALUES ('2025-02-01', 'JG6523010001', ?, 3)`, [idNumber]);
    await db.run(
      `INSERT INTO core.fact_settlements (event_date, partition_date, source_date, settlement_id, department)
      VALUES ('2025-02-01', '2025-02-01', '2025-02-01', 'ST202502010000001', ?)`,
      [idNumber]
    );
    expect((await piiScan(db)).passed).toBe(true);
  });
});
