import { describe, expect, it } from 'vitest';
import { bucketLabel } from '../../../../core/node/lab/bucket-labels.ts';

describe('bucket labels (SPEC §9 ids as readable names)', () => {
  it.each([
    ['account', false, 'Account'],
    ['stage:petstore/prod:GET /pets/{id}', false, 'Stage prod · GET /pets/{id}'],
    ['stage:petstore/prod:GET /pets/{id}', true, 'Stage petstore/prod · GET /pets/{id}'],
    ['stage:hello/$default:$default', false, 'Stage $default · $default'],
    ['usagePlan:free:alice', false, 'Plan free · key alice'],
    ['usagePlan:pro:bob:petstore/prod:POST /pets', false, 'Plan pro · key bob · POST /pets'],
    ['usagePlan:pro:bob:petstore/prod:POST /pets', true, 'Plan pro · key bob · petstore/prod POST /pets'],
    ['quota:free:alice', false, 'Quota free · key alice'],
    ['something-else', false, 'something-else'],
  ])('%s → %s', (id, severalApis, label) => {
    expect(bucketLabel(id, severalApis)).toBe(label);
  });
});
