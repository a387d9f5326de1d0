// The console and the citizen's verify page in headless Chromium, as their users meet them. Driven by
// ConsoleEndToEndTest, which prepares the data and passes it as JSON; prints STEP lines the test asserts, screenshots
// into target/e2e/, and runs axe-core (WCAG 2 A/AA: labels, contrast, keyboard names) on every page it visits.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const [base, outDir, fixtureJson] = process.argv.slice(2);
const fixture = JSON.parse(fixtureJson);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function step(message) {
  console.log(`STEP ${message}`);
}

async function accessible(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious) {
    console.log(`AXE ${name} ${v.id} ${v.impact} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }
  console.log(`AXE ${name} violations=${serious.length}`);
}

async function signIn(page, role, department, region) {
  await page.goto(`${base}/console/#/sign-in`);
  await page.selectOption('#demo-role', role);
  await page.fill('#demo-department', department || '');
  await page.fill('#demo-region', region || '');
  await page.click('#demo-submit');
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    // A director (region admin) sees the indicators for the province, then drills down into a city.
    const director = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(director, 'region-admin', '', fixture.region);
    await director.waitForSelector('#claim-rate');
    await director.waitForSelector('#region-chart canvas');
    step(`dashboard region=${await director.textContent('#dashboard-region')} claimRate=${await director.textContent('#claim-rate')}`);
    await director.waitForSelector('#completeness-rate');
    await director.waitForSelector('#quality-chart canvas');
    step(`indicators completeness=${(await director.textContent('#completeness-rate')).trim()}`
      + ` accuracy=${(await director.textContent('#accuracy-rate')).trim()}`
      + ` certified=${(await director.textContent('#certified-rate')).trim()}`
      + ` overdue=${(await director.textContent('#overdue-cases')).trim()}`);
    await accessible(director, 'dashboard');
    await director.screenshot({ path: path.join(outDir, 'console-dashboard.png'), fullPage: true });
    // 导出 Excel: the workbook downloads under the hub's name for it; the test opens it.
    const [download] = await Promise.all([director.waitForEvent('download'), director.click('#export-excel')]);
    await download.saveAs(path.join(outDir, 'dashboard-export.xlsx'));
    step(`exported ${download.suggestedFilename()} bytes=${fs.statSync(path.join(outDir, 'dashboard-export.xlsx')).size}`);
    const target = await director.getAttribute(`a.drill[data-region="${fixture.drillTo}"]`, 'data-region');
    await director.click(`a.drill[data-region="${target}"]`);
    await director.waitForFunction((code) => document.querySelector('#dashboard-region').textContent.trim() === code, target);
    await director.waitForSelector('#claim-rate');
    step(`drilled down to ${await director.textContent('#dashboard-region')}`);

    // An operator replays a dead letter and follows an upload job to 100%.
    const operator = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(operator, 'hub-admin', '', '');
    await operator.click('a[href="#/operations"]');
    await operator.waitForSelector(`tr[data-dead-letter="${fixture.deadLetter}"] button.replay`);
    await operator.click(`tr[data-dead-letter="${fixture.deadLetter}"] button.replay`);
    await operator.waitForSelector(`tr[data-dead-letter="${fixture.deadLetter}"] .replayed`);
    step(`replayed dead letter ${fixture.deadLetter}`);
    await operator.fill('#job-id', fixture.uploadJob);
    await operator.press('#job-id', 'Enter');
    await operator.waitForFunction(() => {
      const percent = document.querySelector('#job-percent');
      return percent && percent.textContent.trim() === '100%';
    }, null, { timeout: 30000 });
    step('upload job reached 100%');
    await operator.click('#audit-verify');
    await operator.waitForSelector('#audit-head');
    step(`audit chain ${(await operator.textContent('#audit-result dd')).trim()} head=${(await operator.textContent('#audit-head')).trim().length}`);
    await accessible(operator, 'operations');
    await operator.screenshot({ path: path.join(outDir, 'console-operations.png'), fullPage: true });

    // A department admin claims an item and sees a field error for a bad credit code in a manual entry.
    const clerk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // Signed in with the keyboard alone: every control is reachable with Tab and labelled.
    await clerk.goto(`${base}/console/#/sign-in`);
    await clerk.waitForSelector('#demo-role');
    await clerk.focus('#demo-role');
    // The role list starts at region-admin; the next one down is dept-admin.
    await clerk.keyboard.press('ArrowDown');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type(fixture.department);
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.press('Control+A');
    await clerk.keyboard.type(fixture.departmentRegion);
    await clerk.keyboard.press('Enter');
    await clerk.waitForURL(/#\/work/);
    step(`signed in with the keyboard alone as ${(await clerk.textContent('.who')).trim()}`);
    await clerk.waitForSelector('#items button.claim');
    const item = await clerk.getAttribute('#items tr:has(button.claim)', 'data-item');
    await clerk.click(`#items tr[data-item="${item}"] button.claim`);
    await clerk.waitForSelector(`#items tr[data-item="${item}"] .claimed`);
    step(`claimed ${item}`);
    await clerk.click(`#items tr[data-item="${item}"] button.compile`);
    await clerk.fill('#l-object', '食品经营者');
    await clerk.fill('#l-content', '经营场所卫生、进货查验记录、食品贮存条件');
    await clerk.click('#list-submit');
    await clerk.waitForSelector('#list-compiled');
    step(`compiled list ${(await clerk.textContent('#list-compiled')).trim()}`);
    for (const [field, value] of Object.entries(fixture.record)) {
      await clerk.fill(`[id="f-${field}"]`, value);
    }
    await clerk.fill('[id="f-subject.creditCode"]', '91450100MA5XXXXXX0');
    await clerk.click('#manual-submit');
    await clerk.waitForSelector('.field-error[data-field="subject.creditCode"]');
    step(`field error ${await clerk.textContent('.field-error[data-field="subject.creditCode"]')}`);
    await clerk.fill('[id="f-subject.creditCode"]', fixture.subjectCreditCode);
    await clerk.click('#manual-submit');
    await clerk.waitForSelector('#manual-saved');
    step('manual entry saved');
    // ... and imports a sheet whose row 3 is bad: the file chosen with the keyboard, a dry run first (nothing stored),
    // then the import, followed live to its per-row report and the annotated file.
    await clerk.selectOption('#import-kind', 'inspection');
    // Playwright turns on the browser's file-chooser interception only when something waits for the event, and
    // does so without a reply: waiting before the focus round trip makes sure the key press finds it on.
    const choosing = clerk.waitForEvent('filechooser');
    await clerk.focus('#import-file');
    await clerk.keyboard.press('Space');
    const chooser = await choosing;
    await chooser.setFiles(fixture.importSheet);
    await clerk.click('#import-dry-run');
    await clerk.waitForSelector('#import-dry-run-summary');
    await clerk.waitForSelector('#import-report tr[data-row="3"]');
    step(`import dry run row=3 code=${(await clerk.textContent('#import-report tr[data-row="3"] td:nth-child(3)')).trim()}`);
    await clerk.focus('#import-submit');
    await clerk.keyboard.press('Enter');
    await clerk.waitForSelector('#import-job');
    await clerk.waitForFunction(() => {
      const percent = document.querySelector('#import-percent');
      return percent && percent.textContent.trim() === '100%';
    }, null, { timeout: 30000 });
    await clerk.waitForSelector('#import-annotated');
    const bad = '#import-report tr[data-row="3"]';
    step(`import report row=3 header=${(await clerk.textContent(`${bad} td:nth-child(2) .header`)).trim()} field=${(await clerk.textContent(`${bad} td:nth-child(2) code`)).trim()} code=${(await clerk.textContent(`${bad} td:nth-child(3)`)).trim()} zh=${(await clerk.textContent(`${bad} td:nth-child(4) [lang="zh-CN"]`)).trim()}`);
    step(`import annotated file ${(await clerk.getAttribute('#import-annotated', 'href')).slice(0, 5)}`);
    await clerk.locator('section:has(#file-import)').screenshot({ path: path.join(outDir, 'console-import.png') });
    await accessible(clerk, 'work');
    await clerk.screenshot({ path: path.join(outDir, 'console-work.png'), fullPage: true });
    // ... then publishes one of its penalties for 双公示 and sees it public in the list.
    await clerk.goto(`${base}/console/#/supervision`);
    await clerk.waitForSelector('#disclose-record');
    await clerk.fill('#disclose-record', String(fixture.penaltyRecord));
    await clerk.click('#disclosure-heading ~ form button[type="submit"]');
    await clerk.waitForSelector('tr[data-disclosure]');
    step(`disclosed ${(await clerk.textContent('tr[data-disclosure] td:nth-child(2)')).trim()} ${(await clerk.textContent('tr[data-disclosure] td:nth-child(5)')).trim()}`);
    await accessible(clerk, 'supervision');
    await clerk.screenshot({ path: path.join(outDir, 'console-supervision.png'), fullPage: true });
    // ... then claims its part of a joint supervision task another department initiated, starts handling it, is told
    // next to the field that a penalty is no inspection record of the task, and feeds back with its inspection.
    await clerk.click('a[href="#/joint-tasks"]');
    const task = `tr[data-joint-task="${fixture.jointTask}"]`;
    await clerk.waitForSelector(`${task} button.details`);
    await clerk.click(`${task} button.details`);
    const part = `#jt-participants tr[data-participant="${fixture.department}"]`;
    await clerk.waitForSelector(`${part} button.claim`);
    step(`joint task ${(await clerk.textContent(`${task} td:nth-child(4)`)).trim()} deadline=${(await clerk.textContent(`${task} td:nth-child(5)`)).trim()}`);
    await clerk.click(`${part} button.claim`);
    await clerk.waitForSelector(`${part} button.handle`);
    step(`joint task claimed ${(await clerk.textContent(`${part} .participant-status`)).trim()}`);
    await clerk.click(`${part} button.handle`);
    await clerk.waitForFunction((selector) => document.querySelector(selector).textContent.trim() === '处置中', `${part} .participant-status`);
    await clerk.selectOption('#jt-kind', 'INSPECTION');
    await clerk.fill('#jt-records', String(fixture.penaltyRecord));
    await clerk.fill('#jt-suggestion', '已完成现场检查，未发现违法违规行为');
    await clerk.click('#jt-feedback-submit');
    await clerk.waitForSelector('.field-error[data-field="recordIds"]');
    step(`joint task field error ${(await clerk.textContent('.field-error[data-field="recordIds"]')).trim()}`);
    await clerk.fill('#jt-records', String(fixture.jointRecord));
    await clerk.click('#jt-feedback-submit');
    await clerk.waitForSelector('#jt-feedback', { state: 'detached' });
    step(`joint task answered ${(await clerk.textContent(`${part} .participant-status`)).trim()} task=${(await clerk.textContent('#jt-status')).trim()}`);
    // ... and initiates one of its own: an unknown participant is refused next to its field, then it is distributed.
    await clerk.fill('#jt-title', '南宁市餐饮单位消防安全联合检查');
    await clerk.fill('#jt-subjects', `${fixture.jointSubject} 南宁某某餐饮有限公司`);
    await clerk.fill('#jt-itemCodes', fixture.jointItem);
    await clerk.fill('#jt-participants-input', 'NO_SUCH_DEPT');
    await clerk.fill('#jt-deadline', fixture.jointDeadline);
    await clerk.click('#jt-create-submit');
    await clerk.waitForSelector('.field-error[data-field="participants"]');
    step(`joint task create field error ${(await clerk.textContent('.field-error[data-field="participants"]')).trim()}`);
    await clerk.fill('#jt-participants-input', fixture.jointPartner);
    await clerk.click('#jt-create-submit');
    await clerk.waitForSelector('#jt-created');
    step(`joint task created ${(await clerk.textContent('#jt-created')).trim().split(' ').pop()}`);
    await accessible(clerk, 'joint-tasks');
    await clerk.screenshot({ path: path.join(outDir, 'console-joint-tasks.png'), fullPage: true });
    // ... and opens the risk warning: its models' figures, and the clue one of them raised, answered as confirmed.
    await clerk.click('a[href="#/risk"]');
    const model = `#risk-models tr[data-model="${fixture.riskModel}"]`;
    await clerk.waitForSelector(model);
    await clerk.waitForSelector('#risk-chart canvas');
    step(`risk model ${fixture.riskModel} hits=${(await clerk.textContent(`${model} .hits`)).trim()} open=${(await clerk.textContent(`${model} .open`)).trim()}`);
    const clue = `#risk-clues tr[data-case="risk-clues-${fixture.riskClue}"]`;
    await clerk.click(`${clue} button.accept`);
    await clerk.waitForSelector(`${clue} form.answer`);
    await clerk.fill(`[id="answer-risk-clues-${fixture.riskClue}"]`, '经现场核查，投诉属实，已立案');
    await clerk.selectOption(`[id="verdict-risk-clues-${fixture.riskClue}"]`, 'true');
    await clerk.click(`${clue} form.answer button[type="submit"]`);
    await clerk.waitForSelector(`${clue} .case-result`);
    step(`risk clue answered ${(await clerk.textContent(`${clue} .case-status`)).trim()} ${(await clerk.textContent(`${clue} .case-result`)).trim()}`);
    await accessible(clerk, 'risk');
    await clerk.screenshot({ path: path.join(outDir, 'console-risk.png'), fullPage: true });

    // A citizen scans an officer's code with a phone: 有效; a tampered code: 伪造.
    const phone = await (await browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
      // The page's Content-Security-Policy forbids scripts; axe-core is the test's own, injected past it.
      bypassCSP: true,
    })).newPage();
    await phone.goto(fixture.verifyUrl);
    step(`verify shows ${(await phone.textContent('#result h1')).trim()}`);
    await accessible(phone, 'verify');
    await phone.screenshot({ path: path.join(outDir, 'verify-valid.png') });
    await phone.goto(fixture.tamperedUrl);
    step(`tampered shows ${(await phone.textContent('#result h1')).trim()}`);
    await phone.screenshot({ path: path.join(outDir, 'verify-forged.png') });

    console.log('OK');
  } catch (e) {
    console.log(`FAILED ${e.stack}`);
    for (const context of browser.contexts()) {
      for (const page of context.pages()) {
        console.log(`PAGE ${page.url()}\n${await page.innerText('body').catch(() => '')}`);
      }
    }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
