// @vitest-environment jsdom
// Picked files become { path, text } records for the drift scan: a picked folder's paths are relative to it (the
// seed's rules apply below the folder given), and only .rs files are read.
import { describe, expect, it } from 'vitest';
import { filesFromList } from '../../../src/ui/catalog/readFiles.ts';

function file(text: string, name: string, relative = ''): File {
  const f = new File([text], name);
  Object.defineProperty(f, 'webkitRelativePath', { value: relative });
  return f;
}

describe('filesFromList', () => {
  it('uses the path below a picked folder and reads only .rs files', async () => {
    const files = await filesFromList([
      file('static A_STACK: RefCell<u8> = RefCell::new(0);', 'a.rs', 'src/orchestration/a.rs'),
      file('# notes', 'README.md', 'src/README.md'),
      file('static T_STACK: RefCell<u8> = RefCell::new(0);', 'mock.rs', 'src/testing/mock.rs'),
    ]);
    expect(files).toEqual([
      { path: 'orchestration/a.rs', text: 'static A_STACK: RefCell<u8> = RefCell::new(0);' },
      { path: 'README.md', text: '' },
      { path: 'testing/mock.rs', text: 'static T_STACK: RefCell<u8> = RefCell::new(0);' },
    ]);
  });

  it('names plain picked files by their name', async () => {
    expect(await filesFromList([file('x', 'process.rs')])).toEqual([{ path: 'process.rs', text: 'x' }]);
  });
});
