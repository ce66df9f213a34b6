/** Export file names: op-in-k-s-p[-more]-stepN (examples from issue 8 and its export brief). */
import { describe, expect, it } from 'vitest';
import { animationFileName, frameFileName, pictureName } from '../../src/export/fileName';
import { parseQuery } from '../../src/store/urlParams';

const params = (query: string) => parseQuery(query).params;

describe('export file names', () => {
  it('issue 8’s example: convT-in3-k3-s2-p1-step4.png', () => {
    expect(frameFileName(params('op=convT&in=3&k=3&s=2&p=1'), 4, 'png')).toBe('convT-in3-k3-s2-p1-step4.png');
  });

  it('the defaults still name op, in, k, s and p; a GIF names its range: conv-in5-k3-s1-p0-steps0-8.gif', () => {
    expect(animationFileName(params(''), 0, 8)).toBe('conv-in5-k3-s1-p0-steps0-8.gif');
    expect(frameFileName(params(''), 0, 'svg')).toBe('conv-in5-k3-s1-p0-step0.svg');
  });

  it('keys off their defaults follow, in the address’s order; the values, the step, the panel and a preset never do', () => {
    expect(pictureName(params('in=5x4&k=3&d=2&cin=2&cout=4&g=2&vals=ones&step=3&panel=code'))).toBe('conv-in5x4-k3-s1-p0-d2-cin2-cout4-g2-ones');
    expect(pictureName(params('op=convT&in=4&k=3&s=2&a=1&view=direct'))).toBe('convT-in4-k3-s2-p0-a1-direct');
    expect(pictureName(params('op=unpool&in=4&k=2&s=2&pool=avg'))).toBe('unpool-in4-k2-s2-p0-avg');
    expect(pictureName(params('fw=tf&in=5&k=3&s=2&p=valid'))).toBe('conv-in5-k3-s2-pvalid-tf');
    expect(pictureName(params('preset=torch-convT-2x2'))).not.toContain('preset');
  });

  it('names hold only letters, digits, dots and hyphens', () => {
    for (const q of ['op=convT&in=7x3&k=2x5&s=3x1&p=1x2&out=9', 'fw=tf&p=same&vals=rand&seed=2147483647', 'x=1,2,3']) {
      expect(frameFileName(params(q), 12, 'png')).toMatch(/^[A-Za-z0-9.-]+$/);
    }
  });
});
