import { describe, expect, it } from 'vitest';
import { describeIssue, fieldLabel } from './field-labels';

describe('errors name the label the clerk sees, never the raw field', () => {
  it('gives the form label for a path, in either language', () => {
    expect(fieldLabel('address.houseNumber', 'it')).toBe('Civico');
    expect(fieldLabel('address.houseNumber', 'en')).toBe('Number');
    expect(fieldLabel('movers[2].birthDate', 'it')).toBe('Data di nascita');
    expect(fieldLabel(['intake', 'movers', 0, 'surname'], 'it')).toBe('Cognome');
    expect(fieldLabel(['phone'], 'it')).toBe('Telefono');
    expect(fieldLabel(['phone'], 'en')).toBe('Phone');
  });

  it('says "a field of the form" for a path it has no label for, not the path', () => {
    expect(fieldLabel('frobnicator.x', 'it')).toBe('un dato del modulo');
  });

  it('describes a schema issue in words', () => {
    expect(describeIssue({ path: ['intake', 'address', 'cap'], code: 'too_big' }, 'it')).toBe(
      '«CAP» troppo lungo',
    );
  });
});
