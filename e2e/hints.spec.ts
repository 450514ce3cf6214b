/**
 * Known-server hints in the Findings tab: the lab with fault registration.no-path offers no way
 * to register. Its authorization server is laid out on Keycloak's realm paths (as the tutorial's
 * Keycloak) without anything only Keycloak sends, so the card speaks of a server shaped like
 * Keycloak and gives Keycloak's steps for registering a client by hand, in both languages; the
 * finding it explains carries the same hint, folded.
 */
import { expect, snap, test } from './debugger-fixture.js';

test.use({ debuggerArgs: ['--fault', 'registration.no-path', '--auto-consent'] });

test('a run against a Keycloak-shaped realm without registration shows the Keycloak hint card', async ({ page, debuggerApp, consoleErrors }, testInfo) => {
  await page.goto(debuggerApp.url);
  await page.getByRole('button', { name: 'Try the demo lab' }).click();
  await expect(page.getByRole('heading', { name: 'The flow stopped at “Client registration”' })).toBeVisible();

  // Under the finding in the step's details: the hint, folded, with its steps on demand.
  const finding = page.getByRole('article', { name: /^No way to register a client at/ });
  const note = finding.getByText('Hint if this is Keycloak: Register the client in Keycloak yourself');
  await expect(note).toBeVisible();
  await note.click();
  await expect(finding.getByRole('list', { name: 'Steps to fix it' }).getByRole('listitem').nth(1)).toContainText('realm demo → Clients → Create client');

  await page.getByRole('tab', { name: /^Findings/ }).click();
  const region = page.getByRole('region', { name: 'Known servers' });
  const card = region.getByRole('article', { name: 'Hints for a server shaped like Keycloak' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Recognised by: the issuer has a realm path:');
  await expect(card).toContainText('/realms/demo');
  await expect(card).toContainText('these steps apply if it is Keycloak');
  const hint = card.getByRole('region', { name: 'Register the client in Keycloak yourself' });
  await expect(hint.getByText('registration.no-path', { exact: true })).toBeVisible();
  const steps = hint.getByRole('list', { name: 'Steps to fix it' }).getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(1)).toContainText('realm demo → Clients → Create client');
  await expect(steps.nth(2)).toContainText('--registration pre --client-id');
  // The finding it explains is still listed below the card.
  await expect(region.getByRole('article', { name: /^No way to register a client at/ })).toHaveCount(0);
  await expect(page.getByRole('article', { name: /^No way to register a client at/ })).toBeVisible();
  await snap(page, testInfo, '1-keycloak-shaped-hint');

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  const zhCard = page.getByRole('region', { name: '已识别的服务器' }).getByRole('article', { name: '形似 Keycloak 的服务器的提示' });
  await expect(zhCard).toBeVisible();
  await expect(zhCard.getByRole('list', { name: '修复步骤' }).getByRole('listitem').nth(1)).toContainText('realm demo → Clients → Create client');
  await snap(page, testInfo, '2-keycloak-shaped-hint-zh');
  expect(consoleErrors).toEqual([]);
});
