import { describe, expect, it } from 'vitest';
import { ContractError, createContractClient, methodNames, parseCall, unwrapEnvelope } from '../../shared/contract';

describe('the app contract', () => {
  it('accepts a known method with valid arguments', () => {
    expect(parseCall('app.info', {})).toEqual({ method: 'app.info', args: {} });
    expect(parseCall('app.info', undefined)).toEqual({ method: 'app.info', args: {} });
  });

  it('refuses an unknown method and names the known ones', () => {
    expect(() => parseCall('app.rm', {})).toThrow(/Unknown method "app.rm"; known: app.info, settings.get/);
    expect(() => parseCall({ toString: () => 'app.info' }, {})).toThrow(ContractError);
    expect(() => parseCall('__proto__', {})).toThrow(/Unknown method/);
  });

  it('refuses arguments that do not match the schema, saying which', () => {
    try {
      parseCall('app.info', { extra: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).code).toBe('invalid_arguments');
      expect((error as ContractError).message).toMatch(/Invalid arguments for app.info: args: .*extra/);
    }
  });

  it('validates results coming back and turns failures into errors', () => {
    const info = { version: '1.0.0', dataFolder: '/d', schemaVersion: { corpus: 'a', user: 'b' } };
    expect(unwrapEnvelope('app.info', { ok: true, value: info })).toEqual(info);
    expect(() => unwrapEnvelope('app.info', { ok: true, value: { version: 1 } })).toThrow(/Invalid result from app.info: result.version/);
    expect(() => unwrapEnvelope('app.info', { ok: false, error: { code: 'failed', message: 'disk full' } })).toThrow('disk full');
    expect(() => unwrapEnvelope('app.info', 'garbage')).toThrow(/Malformed answer to app.info/);
  });

  it('builds a client with exactly one function per contract method', async () => {
    const seen: unknown[] = [];
    const api = createContractClient(async (method, args) => {
      seen.push([method, args]);
      return { ok: true, value: { version: '2', dataFolder: '/x', schemaVersion: { corpus: '', user: '' } } };
    });
    expect(Object.keys(api)).toEqual(methodNames);
    expect(methodNames).toContain('sync.start');
    await expect(api['app.info']({})).resolves.toMatchObject({ version: '2' });
    expect(seen).toEqual([['app.info', {}]]);
  });
});
