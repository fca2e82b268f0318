import { describe, expect, it } from 'vitest';
import { emblemInitials, imageKindOf, readSvgShapes } from './coat-of-arms';

describe('the coat of arms settings', () => {
  it('takes the initials of the comune’s name for the neutral emblem, leaving out the small words', () => {
    expect(emblemInitials('Casale Monferrato')).toBe('CM');
    expect(emblemInitials('Borgo San Martino')).toBe('BSM');
    expect(emblemInitials('Frassineto Po')).toBe('FP');
    expect(emblemInitials('Sant’Angelo di Brolo')).toBe('SAB');
    expect(emblemInitials('Òrune')).toBe('O');
    expect(emblemInitials('')).toBe('?');
  });

  it('recognises a PNG, a JPEG and an SVG by their first bytes, and nothing else', () => {
    expect(imageKindOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('png');
    expect(imageKindOf(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('jpeg');
    expect(imageKindOf(new TextEncoder().encode('<?xml version="1.0"?>\n<svg viewBox="0 0 10 10"/>'))).toBe(
      'svg',
    );
    expect(imageKindOf(new TextEncoder().encode('GIF89a'))).toBeNull();
  });

  it('reads an SVG’s viewBox and filled paths, and gives up on one without paths', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 240"><path d="M0 0 L200 0 L100 240 Z" fill="#c00"/><path d="M1 1" fill="none"/><path style="fill:#003366" d="M10 10 L20 20"/></svg>';
    expect(readSvgShapes(svg)).toEqual({
      width: 200,
      height: 240,
      shapes: [
        { d: 'M0 0 L200 0 L100 240 Z', fill: '#cc0000' },
        { d: 'M10 10 L20 20', fill: '#003366' },
      ],
    });
    expect(readSvgShapes('<svg viewBox="0 0 10 10"><circle r="4"/></svg>')).toBeNull();
  });
});
