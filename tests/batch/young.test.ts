import vm from 'node:vm';
import { exposedGc, youngCollector } from '../../src/batch/young';

/** Batch workers collect the young generation between reports (src/batch/young.ts); the bench measures the effect. */
describe('collecting the young generation between reports', () => {
  test('every n-th call collects, the others do nothing', () => {
    let collected = 0;
    const tick = youngCollector(4, () => collected++);
    for (let i = 0; i < 10; i++) tick();
    expect(collected).toBe(2);
  });

  test('this Node exposes gc at run time, and a minor collection runs', () => {
    const gc = exposedGc();
    expect(typeof gc).toBe('function');
    expect(vm.runInNewContext('typeof gc')).toBe('function');
    expect(() => gc!({ type: 'minor' })).not.toThrow();
  });
});
