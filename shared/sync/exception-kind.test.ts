import { describe, expect, it } from 'vitest';
import { ageMinutes, exceptionKind } from './exception-kind';

describe('exception kind', () => {
  it('a change kind this counter does not know settles with its update; a refusal needs a person', () => {
    expect(exceptionKind('change_kind_unknown')).toBe('transient');
    expect(exceptionKind('hub_unreachable')).toBe('transient');
    expect(exceptionKind('change_unreadable')).toBe('permanent');
    expect(exceptionKind('mutation_unknown')).toBe('permanent');
    expect(exceptionKind('author_mismatch')).toBe('permanent');
    expect(exceptionKind('invalid_input')).toBe('permanent');
    expect(exceptionKind('a_code_from_a_newer_hub')).toBe('permanent');
  });

  it('age in whole minutes, never negative', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(ageMinutes('2026-12-06T10:59:30Z', now)).toBe(60);
    expect(ageMinutes('2026-12-06T12:05:00Z', now)).toBe(0);
    expect(ageMinutes('not a date', now)).toBe(0);
  });
});
