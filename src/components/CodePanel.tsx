/**
 * The picture on screen written as framework code: a runnable PyTorch script and its
 * TensorFlow equivalent, each in a region labelled "PyTorch code" / "TensorFlow code" with a
 * Copy button. The scripts come from the pure generators in src/codegen, fed with the picture
 * the page shows (its record and its values), so the code prints the page's numbers even while
 * the learner's current choice is impossible. The page's framework comes first.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { tfCode } from '../codegen/tf';
import { torchCode } from '../codegen/torch';
import { t } from '../i18n';
import { useStore } from '../store';
import { writeClipboard } from './clipboard';

/** Keys that scroll the code: kept from the page's animation shortcuts while the code has focus. */
const SCROLL_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', ' ']);

function CodeBlock({ name, text }: { readonly name: string; readonly text: string }) {
  const pre = useRef<HTMLPreElement>(null);
  // The message belongs to the text it was about: new code clears it without an effect.
  const [status, setStatus] = useState<{ readonly text: string; readonly message: string } | null>(null);

  const selectCode = () => {
    const el = pre.current;
    const selection = window.getSelection();
    if (!el || !selection) return;
    // Focus first: focusing can move the selection, selecting afterwards keeps it on the code.
    el.focus();
    selection.selectAllChildren(el);
  };

  const copy = async () => {
    if (await writeClipboard(text)) setStatus({ text, message: t('code.copied', { name }) });
    else {
      selectCode();
      setStatus({ text, message: t('code.selected', { name }) });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLPreElement>) => {
    if (SCROLL_KEYS.has(e.key)) e.stopPropagation();
  };

  return (
    <div className="code-panel__block">
      <div className="code-panel__bar">
        <h3 className="code-panel__name">{name}</h3>
        <button type="button" className="code-panel__copy" aria-label={t('code.copyName', { name })} onClick={() => void copy()}>
          {t('code.copy')}
        </button>
        <p className="code-panel__status" role="status">
          {status && status.text === text ? status.message : ''}
        </p>
      </div>
      <pre ref={pre} className="code-panel__code" role="region" aria-label={name} tabIndex={0} onKeyDown={onKeyDown}>
        <code>{text}</code>
      </pre>
    </div>
  );
}

/** The framework code panel: reads the picture from the store, takes no props. */
export function CodePanel() {
  const picture = useStore((s) => s.picture);
  const code = useMemo(() => (picture ? { torch: torchCode(picture), tf: tfCode(picture) } : null), [picture]);
  const order = picture?.explored.spec.fw === 'tf' ? (['tf', 'torch'] as const) : (['torch', 'tf'] as const);
  return (
    <section className="code-panel" role="region" aria-label={t('code.title')}>
      <h2 className="code-panel__title">{t('code.title')}</h2>
      {code ? (
        <>
          <p className="code-panel__intro">{t('code.intro')}</p>
          <div className="code-panel__blocks">
            {order.map((fw) => (
              <CodeBlock key={fw} name={t(fw === 'torch' ? 'code.torch' : 'code.tf')} text={code[fw]} />
            ))}
          </div>
        </>
      ) : (
        <p className="code-panel__intro">{t('code.waiting')}</p>
      )}
    </section>
  );
}
