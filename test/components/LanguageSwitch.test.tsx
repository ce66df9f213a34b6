// @vitest-environment jsdom
/**
 * The English / 中文 switch in the header (issue 7, "Two languages": "`lang=en` / `lang=zh`
 * (also `zh-CN`) in the URL, otherwise the browser's language; a visible switch in the header
 * that keeps all other state; `<html lang>` follows"). The whole app is rendered, as the page
 * renders it once its language is ready; expected words are the catalogues' own.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/components/App';
import { setLanguage, type Lang } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { useStore } from '../../src/store';
import { browserLanguage, connectLanguage } from '../../src/store/language';
import { PAGE_DEFAULTS } from '../../src/store/urlParams';
import { connectUrl } from '../../src/store/urlSync';
import { showQuery } from './showQuery';

const ISSUE = 'issue 7, Two languages';
let stops: (() => void)[] = [];

/** Opens `query` as the page does: the store, the address, the language (`browser`'s unless named), then the app. */
async function open(query: string, browser: Lang): Promise<void> {
  useStore.setState({ page: PAGE_DEFAULTS });
  window.history.replaceState(null, '', `/?${query}`);
  showQuery(`?${query}`);
  const language = connectLanguage(browser, document);
  stops = [language.disconnect, connectUrl(window)];
  await language.ready;
  render(<App />);
}

afterEach(() => {
  cleanup();
  for (const stop of stops) stop();
  setLanguage('en');
  document.documentElement.lang = 'en';
});

const get = () => useStore.getState();
const search = () => Object.fromEntries(new URLSearchParams(window.location.search));
const switchButton = (name: string) => within(screen.getByRole('group', { name: new RegExp(`${en['lang.label']}|${zh['lang.label']}`) })).getByRole('button', { name });

describe('the language switch', () => {
  it(`English → 中文 keeps the picture, step and panel; <html lang>, the title and the address follow (${ISSUE})`, async () => {
    const user = userEvent.setup();
    await open('op=convT&in=3&k=3&s=2&p=1&panel=roundtrip&step=4', 'en');
    expect(screen.getByRole('radiogroup', { name: en['op.label'] })).toBeInTheDocument();
    expect(switchButton(en['lang.en'])).toHaveAttribute('aria-pressed', 'true');
    const before = { params: get().params, steps: get().steps, picture: get().picture, search: search() };

    await user.click(switchButton(zh['lang.zh']));
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
    expect(document.title).toBe(zh['page.title']);
    expect(screen.getByRole('radiogroup', { name: zh['op.label'] })).toBeInTheDocument();
    // The panels come with the picture's view (a lazily loaded chunk here).
    expect(await screen.findByRole('tab', { name: zh['panels.tab.roundtrip'] })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('radiogroup', { name: en['op.label'] })).toBeNull();
    expect(switchButton(zh['lang.zh'])).toHaveAttribute('aria-pressed', 'true');
    expect(switchButton(zh['lang.zh'])).toHaveFocus();
    expect(get().params).toBe(before.params);
    expect(get().steps).toEqual(before.steps);
    expect(get().picture).toBe(before.picture);
    // The address follows after the frame.
    await waitFor(() => expect(search()).toEqual({ ...before.search, lang: 'zh' }));
  });

  it(`lang=zh in the address: Chinese from the first render; English brings English back and says so in the address (${ISSUE})`, async () => {
    const user = userEvent.setup();
    await open('lang=zh&op=unpool&in=4&k=2&s=2', 'en');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('radiogroup', { name: zh['op.label'] })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: zh['controls.label'] })).toBeInTheDocument();
    const params = get().params;

    await user.click(switchButton(en['lang.en']));
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(document.title).toBe(en['page.title']);
    expect(screen.getByRole('heading', { name: en['controls.label'] })).toBeInTheDocument();
    expect(get().params).toBe(params);
    await waitFor(() => expect(search().lang).toBe('en'));
  });

  it(`without lang in the address the browser's language decides, and the address stays without it (${ISSUE})`, async () => {
    await open('in=4', 'zh');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('heading', { name: zh['controls.label'] })).toBeInTheDocument();
    expect(search()).toEqual({ in: '4' });
  });

  it('opening a worked example keeps the language', async () => {
    const user = userEvent.setup();
    await open('lang=zh', 'en');
    const picker = screen.getByRole('combobox', { name: zh['presets.label'] });
    // The examples' list loads as the learner comes near the picker.
    await user.hover(picker);
    await within(picker).findByRole('option', { name: zh['preset.guide-half-padding.title'] }, { timeout: 10_000 });
    await user.selectOptions(picker, 'guide-half-padding');
    expect(get().params.preset).toBe('guide-half-padding');
    expect(get().page.lang).toBe('zh');
    await waitFor(() => expect(search()).toEqual({ preset: 'guide-half-padding', lang: 'zh' }));
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('a bad lang is noticed in the browser’s language, like any bad value', async () => {
    await open('lang=fr', 'zh');
    const allowed = zh['notice.allowed.oneOf'].replace('{values}', `en${zh['list.sep']}zh`);
    const notice = zh['notice.bad-value'].replaceAll('{key}', 'lang').replace('{value}', 'fr').replace('{allowed}', allowed);
    expect(await within(await screen.findByRole('status', { name: zh['notice.label'] }, { timeout: 10_000 })).findByText(notice)).toBeInTheDocument();
  });
});

describe('browserLanguage', () => {
  it('takes the first of the browser’s languages the page speaks; any Chinese reads as 简体中文; else English', () => {
    expect(browserLanguage(['zh-CN', 'en'])).toBe('zh');
    expect(browserLanguage(['zh-TW'])).toBe('zh');
    expect(browserLanguage(['ZH'])).toBe('zh');
    expect(browserLanguage(['fr-FR', 'en-GB', 'zh'])).toBe('en');
    expect(browserLanguage(['de', 'zh-Hans-CN'])).toBe('zh');
    expect(browserLanguage(['ja'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
