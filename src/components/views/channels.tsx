/**
 * What the convolution views share about channels: grid names that carry their channel, the
 * choice of the output channel the animation follows, the sentence saying which input channels
 * it sums (groups), and whether edits land on the cells shown.
 */
import type { CSSProperties, ReactNode } from 'react';
import { evaluateTerms, type TermRef } from '../../engine';
import { t, type MessageKey } from '../../i18n';
import { useStore } from '../../store';
import { termsByChannel } from '../../viz/looks';
import { RadioGroup } from '../controls/RadioGroup';
import type { EquationChannel } from '../Equation';

/**
 * A grid's accessible name: the plain name ("Input") when its tensor has one channel, else
 * with the channel, 1-based ("Input, channel 2").
 */
export function channelName(key: MessageKey, channel: number, several: boolean): string {
  return channelGridName(t(key), channel, several);
}

/** "Input" with one channel, "Input, channel 2" with several: every grid of every view is named this way. */
export function channelGridName(name: string, channel: number, several: boolean): string {
  return several ? t('grid.channel', { name, c: channel + 1 }) : name;
}

/** The hover/pin ref fields for a grid of `channel`, present only when there are several channels. */
export function channelRef(channel: number, several: boolean): { readonly channel?: number } {
  return several ? { channel } : {};
}

/** Gap between the slots of a channel box, and the box's inner padding (rem), as in styles.css. */
const BOX_GAP = 1;
const BOX_PAD = 1.1;
const SLOT_FLOOR = 10.5;

/**
 * The width a channel box (one input channel's grids, or the outputs) asks for: its slots at
 * full size side by side, so boxes flow in a row and shrink (then wrap) like single grids.
 */
export function boxBasis(slots: readonly { readonly cols: number; readonly maxCell: number }[]): CSSProperties {
  // A slot is never narrower than its caption's room (views__slot's 10.5rem floor in styles.css).
  const cells = slots.reduce((sum, slot) => sum + Math.max(SLOT_FLOOR, slot.cols * slot.maxCell), 0);
  const rem = cells + BOX_GAP * Math.max(0, slots.length - 1) + BOX_PAD;
  return { ['--box-basis' as string]: `calc(${rem}rem + ${2 * slots.length + 2}px)` };
}

/** Props of ChannelPicker. */
export interface ChannelPickerProps {
  /** Output channels (the picker shows only when there are several). */
  readonly count: number;
  /** The output channel the plans follow (already clamped). */
  readonly value: number;
}

/** Radio buttons choosing the output channel the animation computes. */
export function ChannelPicker({ count, value }: ChannelPickerProps) {
  const setChannel = useStore((s) => s.setChannel);
  if (count <= 1) return null;
  const options = Array.from({ length: count }, (_, c) => ({ value: String(c), label: t('ch.picker.option', { c: c + 1 }) }));
  return (
    <div className="channels__picker">
      <RadioGroup<string> legend={t('ch.picker.label')} value={String(value)} options={options} onChange={(v) => setChannel(Number(v))} />
    </div>
  );
}

/** Props of ChannelNote: the followed output channel's group, as the plan records it. */
export interface ChannelNoteProps {
  readonly inChannels: number;
  readonly groups: number;
  readonly outChannel: number;
  readonly group: number;
  /** The input channels the output channel reads, ascending (absolute, 0-based). */
  readonly inputChannels: readonly number[];
  /** The transposed convolution stamps instead of sliding. */
  readonly transposed: boolean;
}

/** Which input channels the followed output channel adds up; nothing to say with one input channel and one group. */
export function ChannelNote({ inChannels, groups, outChannel, group, inputChannels, transposed }: ChannelNoteProps) {
  if (inChannels <= 1 && groups <= 1) return null;
  const co = outChannel + 1;
  const text = groups <= 1
    ? t(transposed ? 'ch.note.allT' : 'ch.note.all', { co, n: inChannels })
    : inputChannels.length === 1
      ? t('ch.note.groupOne', { g: groups, co, group: group + 1, from: inputChannels[0] + 1 })
      : t('ch.note.group', { g: groups, co, group: group + 1, from: inputChannels[0] + 1, to: inputChannels[inputChannels.length - 1] + 1 });
  return <p className="channels__note">{text}</p>;
}

/**
 * A step's products grouped by input channel, each group with the engine's sum (evaluateTerms):
 * the lines of a per-channel equation. `muted` says which terms read padding or an inserted zero.
 */
export function channelEquation<T extends TermRef & { readonly inputChannel: number }>(
  terms: readonly T[], x: ArrayLike<number>, w: ArrayLike<number>, muted: (term: T) => boolean,
): EquationChannel[] {
  return termsByChannel(terms).map((group) => {
    const { products, sum } = evaluateTerms(group.terms, x, w);
    return { label: t('ch.eq.channel', { c: group.channel + 1 }), products, muted: group.terms.map(muted), sum };
  });
}

interface ChannelBoxProps {
  /** One input channel's grids side by side, or the row of outputs (one grid per output channel). */
  readonly kind: 'pair' | 'outputs';
  /** Lay the grids out as a box (several channels) or flat. */
  readonly boxed: boolean;
  /** The box's name for assistive technology (then it is a group). */
  readonly label?: string;
  readonly style: CSSProperties;
  readonly children: ReactNode;
}

/** A box in a convolution view's row of grids: an input channel's grids, or the outputs. */
export function ChannelBox({ kind, boxed, label, style, children }: ChannelBoxProps) {
  return (
    <div className={boxed ? `channels__${kind}` : 'channels__flat'} style={style} role={label ? 'group' : undefined} aria-label={label}>
      {children}
    </div>
  );
}
