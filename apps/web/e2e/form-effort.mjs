/**
 * Counts what registering an activity costs a user: keystrokes and clicks, as a mouse-and-keyboard user would spend
 * them. The user is "smart": a field that already holds the wanted value costs nothing, so what the form keeps or
 * fills in by itself shows up as savings. Conventions (the same before and after a change of the form):
 * - a text or number field: 1 click into it, Ctrl+A (1 keystroke) when it holds something else, then 1 keystroke
 *   a character;
 * - a date field: 1 click, then its 8 digits (typed into Chromium's date field the segment order follows the
 *   browser's own locale, which headless Chromium does not take from --lang; so the value is filled in, and
 *   counted as a Swedish user types it);
 * - a checkbox or radio: 1 click when it is not already as wanted;
 * - a select: 2 clicks (open, pick) when it does not already show the wanted option;
 * - a button: 1 click.
 */
import assert from 'node:assert/strict';

export function effortCounter(page) {
  const count = { keys: 0, clicks: 0 };
  const form = page.locator('form.activity-form');
  return {
    count,
    reset() {
      count.keys = 0;
      count.clicks = 0;
    },
    async text(selector, value) {
      const input = form.locator(selector);
      const now = await input.inputValue();
      if (now === value) return;
      await input.click();
      count.clicks++;
      if (now !== '') {
        await page.keyboard.press('ControlOrMeta+A');
        count.keys++;
      }
      await page.keyboard.type(value);
      count.keys += value.length;
      assert.equal(await input.inputValue(), value, `${selector} holds what was typed`);
    },
    async date(iso) {
      const input = form.locator('#field-date');
      if ((await input.inputValue()) === iso) return;
      await input.click();
      count.clicks++;
      await input.fill(iso);
      count.keys += iso.replaceAll('-', '').length;
      assert.equal(await input.inputValue(), iso, 'the date field holds the typed date');
    },
    async check(locator, on = true) {
      if ((await locator.isChecked()) === on) return;
      await locator.click();
      count.clicks++;
      assert.equal(await locator.isChecked(), on);
    },
    async select(selector, label) {
      const select = form.locator(selector);
      const shown = await select.evaluate((s) => s.selectedOptions[0]?.textContent ?? '');
      if (shown === label) return;
      await select.selectOption({ label });
      count.clicks += 2;
    },
    async click(locator) {
      await locator.click();
      count.clicks++;
    },
  };
}

/** One activity as a user records it; `municipalities` is 'Alla' or a list of names. */
export async function recordActivity(page, c, a) {
  const form = page.locator('form.activity-form');
  await c.date(a.date);
  await c.text('#field-title', a.title);
  await c.select('#field-typeId', a.type);
  await c.check(form.getByRole('group', { name: /^Resultatmål/ }).getByRole('radio', { name: a.goal }));
  await c.check(form.getByRole('radio', { name: a.area, exact: true }));
  const owners = form.getByRole('group', { name: /^Deltagande kommuner/ });
  if (a.municipalities === 'Alla') await c.check(owners.getByRole('checkbox', { name: 'Alla', exact: true }));
  else for (const name of a.municipalities) await c.check(owners.getByRole('checkbox', { name, exact: true }));
  for (const name of a.staff ?? []) await c.check(form.getByRole('checkbox', { name, exact: true }));
  await c.check(form.getByRole('radio', { name: a.format, exact: true }));
  await c.text('#field-participants', a.participants ?? '');
  if (a.assignment) await c.select('#field-assignmentId', a.assignment);
  if (a.planItem) {
    await form.locator('#field-planItemId').waitFor();
    await c.select('#field-planItemId', a.planItem);
  }
  await c.click(page.getByRole('button', { name: 'Spara', exact: true }));
  await page.getByRole('status').filter({ hasText: a.title }).waitFor();
}
