// @vitest-environment jsdom
// The report's link is built from the page's origin and path only (issue 26): a hostile query in the address bar
// never reaches the Markdown, and core keeps only an http(s) origin and path of whatever it is given.
import { describe, expect, it } from 'vitest';
import { findExample, scenarioMarkdown, simulate } from '../../../src/core/index.ts';
import { pageBaseUrl } from '../../../src/ui/run/StepperExport.tsx';

describe('the page address a report links to', () => {
  it('drops the query and the fragment', () => {
    history.replaceState(null, '', '/lab/?x=)![t](https://evil.example/p.png)#s=1.abc');
    expect(pageBaseUrl()).toBe(`${location.origin}/lab/`);
  });

  it('the report holds one link, to the page, whatever address it is handed', () => {
    const f1 = findExample('f1-cwd-env')!.scenario;
    const text = scenarioMarkdown(f1, simulate(f1), { baseUrl: 'https://lab.example/a(b)/?x=)![t](https://evil.example/p.png)' });
    expect(text).toContain('[Open this run in Harn Scope Lab](https://lab.example/a%28b%29/#s=1.');
    expect(text).not.toContain('evil.example');
    expect(scenarioMarkdown(f1, simulate(f1), { baseUrl: 'javascript:alert(1)//' })).toContain('[Open this run in Harn Scope Lab](#s=1.');
  });
});
