// Regenerates the README's screenshots of challenges and exercises from the production build (`npm run build` first,
// then `node scripts/screenshots-challenges.mjs`), in Debian's Chromium through the end-to-end harness:
// docs/challenge-won.png (the "Nested without nesting" challenge won with the explorer's schedule: the goal, the
// moves, the win banner) and docs/challenge-gallery.png (the gallery's path at 375 px: groups, order, Start here).
import { lessonLink, openPage, setup } from '../test/e2e/harness.mjs';

const env = await setup();
const CHALLENGE = lessonLink('examples/challenges/c02-nested-without-nesting.json');
{
  const { page, context } = await openPage(env.browser, env.url, { hash: CHALLENGE });
  await page.getByRole('button', { name: 'Show a solution' }).click();
  await page.getByRole('button', { name: 'Play this schedule' }).click();
  await page.getByText(/✔ You won\./).waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Show a solution' }).click(); // folds the answer away again
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
  await page.mouse.move(1, 899);
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/challenge-won.png' });
  await context.close();
}
{
  const { page, context } = await openPage(env.browser, env.url, { hash: CHALLENGE, viewport: { width: 375, height: 812 } });
  await page.getByText(/^✖ not yet$/).waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: /Examples/ }).click();
  await page.getByRole('region', { name: 'Challenges: play the scheduler' }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/challenge-gallery.png' });
  await context.close();
}
await env.teardown();
console.log('docs/: challenge-won, challenge-gallery');
