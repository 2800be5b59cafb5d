import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { barrelExports, rewriteImports } from './build-fluent-imports';

const barrel = readFileSync(
  join(dirname(require.resolve('@fluentui/react-components/package.json')), 'lib', 'index.js'),
  'utf8',
);

describe("the build's per-component Fluent imports", () => {
  const exports = barrelExports(barrel);

  it('reads where the installed @fluentui/react-components takes each name from', () => {
    expect(exports.get('Button')).toEqual({ pkg: '@fluentui/react-button', name: 'Button' });
    expect(exports.get('DataGrid')).toEqual({ pkg: '@fluentui/react-table', name: 'DataGrid' });
    expect(exports.get('makeStyles')).toEqual({ pkg: '@griffel/react', name: 'makeStyles' });
    // Renamed on the way out: `useFluent_unstable as useFluent`.
    expect(exports.get('useFluent')).toEqual({
      pkg: '@fluentui/react-shared-contexts',
      name: 'useFluent_unstable',
    });
    // A name that follows a comment inside the export list.
    expect(exports.get('getNativeElementProps')?.pkg).toBe('@fluentui/react-utilities');
  });

  it('refuses a barrel with anything but re-exports', () => {
    expect(() => barrelExports(`${barrel}\nexport * from "@fluentui/react-menu";`)).toThrow(
      /not a plain list/,
    );
  });

  it('splits an import by package, keeps aliases and line numbers, drops types', () => {
    const source = [
      'import {',
      '  Button,',
      '  DataGrid as Grid,',
      '  makeStyles,',
      '  type Theme,',
      "} from '@fluentui/react-components';",
      "import type { TableColumnDefinition } from '@fluentui/react-components';",
      "export { useFluent as useF } from '@fluentui/react-components';",
      'const x = 1;',
    ].join('\n');
    const out = rewriteImports(source, exports, 'a.tsx');
    expect(out.split('\n')).toEqual([
      "import { Button } from 'fluent-part:@fluentui/react-button'; " +
        "import { DataGrid as Grid } from 'fluent-part:@fluentui/react-table'; " +
        "import { makeStyles } from 'fluent-part:@griffel/react';",
      '',
      '',
      '',
      '',
      '',
      '',
      "export { useFluent_unstable as useF } from 'fluent-part:@fluentui/react-shared-contexts';",
      'const x = 1;',
    ]);
  });

  it('fails the build on a name the barrel lacks or an import it cannot rewrite', () => {
    expect(() =>
      rewriteImports("import { Nope } from '@fluentui/react-components';", exports, 'a.tsx'),
    ).toThrow(/a.tsx: @fluentui\/react-components exports no Nope/);
    expect(() =>
      rewriteImports("import * as F from '@fluentui/react-components';", exports, 'b.tsx'),
    ).toThrow(/b.tsx: an import of @fluentui\/react-components the build cannot rewrite/);
  });
});
