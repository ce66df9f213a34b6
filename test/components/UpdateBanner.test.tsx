// @vitest-environment jsdom
/**
 * The update banner and the registration behind it, against a fake service worker container:
 * a waiting version is offered and applied only on "Reload"; a first install offers nothing;
 * where reading navigator.serviceWorker throws (a sandboxed iframe), nothing happens.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n';

class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  constructor(public state: string) {
    super();
  }
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
}

class FakeRegistration extends EventTarget {
  constructor(public waiting: FakeWorker | null, public installing: FakeWorker | null = null) {
    super();
  }
}

/** Installs a fake navigator.serviceWorker; returns what register() resolves to, once it has. */
function fakeServiceWorker(controlled: boolean, registration: FakeRegistration) {
  const registered = Promise.resolve(registration);
  const container = Object.assign(new EventTarget(), { controller: controlled ? new FakeWorker('activated') : null, register: vi.fn(() => registered) });
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, get: () => container });
  return { container, registered };
}

async function mount() {
  // Fresh modules: the registration keeps its offer in module state.
  const { UpdateBanner } = await import('../../src/components/UpdateBanner');
  const { registerServiceWorker } = await import('../../src/offline/register');
  render(<UpdateBanner />);
  return { registerServiceWorker, region: screen.getByRole('status', { name: t('update.label') }) };
}

beforeEach(() => {
  vi.resetModules();
  // Registration waits for an idle main thread: here that is now.
  Object.defineProperty(window, 'requestIdleCallback', {
    configurable: true,
    value: (run: IdleRequestCallback) => {
      run({ didTimeout: false, timeRemaining: () => 50 });
      return 1;
    },
  });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'serviceWorker');
  Reflect.deleteProperty(window, 'requestIdleCallback');
});

describe('UpdateBanner', () => {
  it('offers a waiting version and lets it take over only on Reload', async () => {
    const waiting = new FakeWorker('installed');
    const { container, registered } = fakeServiceWorker(true, new FakeRegistration(waiting));
    const { registerServiceWorker, region } = await mount();
    await act(async () => {
      registerServiceWorker();
      await registered;
    });
    expect(container.register).toHaveBeenCalledWith('/sw.js', { updateViaCache: 'none' });
    expect(within(region).getByText(t('update.ready'))).toBeVisible();
    expect(waiting.messages).toEqual([]);
    await userEvent.setup().click(within(region).getByRole('button', { name: t('update.reload') }));
    expect(waiting.messages).toEqual(['convarith:skip-waiting']);
  });

  it('offers a version found while the page is open once it is installed', async () => {
    const installing = new FakeWorker('installing');
    const registration = new FakeRegistration(null, installing);
    const { registered } = fakeServiceWorker(true, registration);
    const { registerServiceWorker, region } = await mount();
    await act(async () => {
      registerServiceWorker();
      await registered;
    });
    act(() => registration.dispatchEvent(new Event('updatefound')));
    expect(region).toHaveTextContent('');
    installing.state = 'installed';
    act(() => installing.dispatchEvent(new Event('statechange')));
    expect(within(region).getByText(t('update.ready'))).toBeVisible();
  });

  it('dismissed, it goes away and nothing takes over', async () => {
    const waiting = new FakeWorker('installed');
    const { registered } = fakeServiceWorker(true, new FakeRegistration(waiting));
    const { registerServiceWorker, region } = await mount();
    await act(async () => {
      registerServiceWorker();
      await registered;
    });
    await userEvent.setup().click(within(region).getByRole('button', { name: t('update.dismiss') }));
    expect(region).toHaveTextContent('');
    expect(waiting.messages).toEqual([]);
  });

  it('offers nothing on the first install (no version in charge yet)', async () => {
    const { registered } = fakeServiceWorker(false, new FakeRegistration(new FakeWorker('installed')));
    const { registerServiceWorker, region } = await mount();
    await act(async () => {
      registerServiceWorker();
      await registered;
    });
    expect(region).toHaveTextContent('');
  });

  it('where reading navigator.serviceWorker throws (a sandboxed iframe), registers nothing and throws nothing', async () => {
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      get: () => {
        throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
      },
    });
    const { registerServiceWorker, region } = await mount();
    expect(() => registerServiceWorker()).not.toThrow();
    expect(region).toHaveTextContent('');
  });
});
