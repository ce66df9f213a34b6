/**
 * The engine's refusal of the current combination, shown next to the field it blames: the
 * engine's own sentence (it says what would work) and, when the last valid picture is still on
 * screen, a reminder that the picture did not follow.
 */
import { t } from '../../i18n';

export interface EngineErrorProps {
  /** Referenced by the faulty inputs' aria-describedby. */
  readonly id: string;
  readonly message: string;
  /** Whether the page still shows the last valid picture (say so only then). */
  readonly kept: boolean;
}

export function EngineError({ id, message, kept }: EngineErrorProps) {
  return (
    <div id={id} className="controls__error" role="alert">
      <h3 className="controls__error-title">{t('error.title')}</h3>
      <p className="controls__error-text">{message}</p>
      {kept ? <p className="controls__error-kept">{t('error.kept')}</p> : null}
    </div>
  );
}
