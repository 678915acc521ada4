import { afterEach, describe, expect, it, vi } from 'vitest';
import referential from '@cnr-widgets/data/referential';
import type { Dataset } from '../schemas/dataset.js';
import { createIndex, filterProjects, resolveTerritory } from './index.js';

describe('a bare code that is both a région and a département', () => {
  afterEach(() => vi.restoreAllMocks());
  const index = createIndex(referential as unknown as Dataset);

  it('is read as the région and warns once per code, naming both readings and the ids to write', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(resolveTerritory(index, '52')?.id).toBe('region:52');
    expect(resolveTerritory(index, '52')?.id).toBe('region:52');
    filterProjects(index, { territory: '52' });
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toContain('région Pays de la Loire (region:52)');
    expect(message).toContain('département Haute-Marne (departement:52)');
    expect(message).toContain('écrivez « region:52 » ou « departement:52 »');
    expect(resolveTerritory(index, '93')?.id).toBe('region:93');
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('does not warn for an unambiguous bare code or a kinded id', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(resolveTerritory(index, '05')?.id).toBe('departement:05');
    expect(resolveTerritory(index, 'departement:44')?.id).toBe('departement:44');
    expect(resolveTerritory(index, 'region:44')?.id).toBe('region:44');
    expect(warn).not.toHaveBeenCalled();
  });
});
