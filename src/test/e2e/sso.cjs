// Single sign-on, end to end, in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// sign in on the partner application, open the hub portal without signing in again, sign out there, and find the
// partner application signed out too (back-channel logout). Prints one line per step; exits non-zero on failure.
//   NODE_PATH=<modules> node src/test/e2e/sso.cjs <hub base URL> <screenshot path> [username] [password]
// CommonJS, so that NODE_PATH finds playwright-core where scripts/e2e-prereqs.sh installed it.
const { chromium } = require('playwright-core');

(async () => {
const [hub, screenshot, username = 'nn-dept-admin', password = 'demo-password'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const step = (text) => console.log(`STEP ${text}`);
try {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(30000);

  await page.goto(`${hub}/partner`);
  await page.waitForSelector('#username');
  step('partner application sends the user to the identity provider');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForSelector('#partner');
  const partnerUser = (await page.textContent('#partner-user')).trim();
  if (partnerUser !== username) throw new Error(`partner page shows ${partnerUser}`);
  step(`signed in to the partner application as ${partnerUser}`);

  await page.goto(`${hub}/portal`);
  await page.waitForSelector('#department, #username');
  if (await page.$('#username')) throw new Error('the portal asked for credentials again');
  const department = (await page.textContent('#department')).trim();
  const roles = (await page.textContent('#roles')).trim();
  const token = (await page.inputValue('#access-token')).trim();
  console.log(`PORTAL department=${department} region=${(await page.textContent('#region')).trim()} roles=${roles}`);
  if (!token.includes('.')) throw new Error('the portal shows no access token');
  await page.screenshot({ path: screenshot, fullPage: true });
  step('portal opened without a second sign-in (SSO)');

  const api = await page.request.get(`${hub}/api/v1/records?size=1`, { headers: { Authorization: `Bearer ${token}` } });
  console.log(`API status=${api.status()}`);
  step('the portal token works on the API');

  await page.click('#sign-out');
  await page.waitForSelector('#signed-out');
  step('signed out of the portal (RP-initiated logout)');

  await page.goto(`${hub}/partner`);
  await page.waitForSelector('#username, #partner');
  if (await page.$('#partner')) throw new Error('the partner application is still signed in');
  step('partner application signed out too (back-channel logout)');
  console.log('OK');
} catch (error) {
  console.log(`FAILED ${error.message.split('\n')[0]} at ${browser.contexts()[0]?.pages()[0]?.url()}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
})();
