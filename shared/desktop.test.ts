import { describe, expect, it } from 'vitest';
import { desktopInputs, isDesktopMethod } from './desktop';

describe('desktop shell actions', () => {
  it('are only the two native actions, never engine methods', () => {
    expect(Object.keys(desktopInputs).sort()).toEqual(['desktop.openFiles', 'desktop.showInFolder']);
    expect(isDesktopMethod('desktop.openFiles')).toBe(true);
    expect(isDesktopMethod('app.info')).toBe(false);
    expect(isDesktopMethod('__proto__')).toBe(false);
  });

  it('validate their inputs', () => {
    expect(desktopInputs['desktop.openFiles'].parse({ filters: ['csv'] })).toEqual({ filters: ['csv'], folders: false });
    expect(desktopInputs['desktop.openFiles'].safeParse({ filters: ['exe'] }).success).toBe(false);
    expect(desktopInputs['desktop.showInFolder'].safeParse({ path: '' }).success).toBe(false);
    expect(desktopInputs['desktop.showInFolder'].safeParse({ path: '/tmp/x.csv', extra: 1 }).success).toBe(false);
  });
});
