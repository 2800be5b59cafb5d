import { keyVaultSecretNameOf, SECRET_NAME, supplierSecretFrom } from './model';

describe('supplier signing secrets from the settings', () => {
  const env = {
    FRISTVAKT_SUPPLIER_SECRET_SOPRA: 's3cret',
    FRISTVAKT_SUPPLIER_SECRET_EMPTY: '',
    FRISTVAKT_SUPPLIER_SECRET_UNRESOLVED:
      '@Microsoft.KeyVault(VaultName=kv-fristvakt-abc123;SecretName=fristvakt-supplier-secret-unresolved)',
    BOT_PASSWORD: 'not a supplier secret',
  };

  it('gives the value of a FRISTVAKT_SUPPLIER_ setting', () => {
    expect(supplierSecretFrom(env, 'FRISTVAKT_SUPPLIER_SECRET_SOPRA')).toBe('s3cret');
  });

  it('gives nothing for another name, a missing or empty value, or a Key Vault reference left unresolved', () => {
    expect(supplierSecretFrom(env, 'BOT_PASSWORD')).toBeUndefined();
    expect(supplierSecretFrom(env, 'FRISTVAKT_SUPPLIER_SECRET_NONE')).toBeUndefined();
    expect(supplierSecretFrom(env, 'FRISTVAKT_SUPPLIER_SECRET_EMPTY')).toBeUndefined();
    expect(supplierSecretFrom(env, 'FRISTVAKT_SUPPLIER_SECRET_UNRESOLVED')).toBeUndefined();
  });

  it('names the Key Vault secret in lower case with dashes, a valid Key Vault name', () => {
    expect(keyVaultSecretNameOf('FRISTVAKT_SUPPLIER_SECRET_SOPRA_STERIA')).toBe(
      'fristvakt-supplier-secret-sopra-steria',
    );
    const longest = `FRISTVAKT_SUPPLIER_${'A'.repeat(80)}`;
    expect(SECRET_NAME.test(longest)).toBe(true);
    expect(keyVaultSecretNameOf(longest)).toMatch(/^[0-9a-zA-Z-]{1,127}$/);
  });
});
