/** English messages of sharing and embedding, added by the share panel when its chunk loads (the two buttons are in en.ts). */
export const enShare = {
  'share.copied': 'Link copied.',
  'share.refused': 'This browser did not let the page copy: the link is selected in the field, copy it with Ctrl+C (⌘C on a Mac).',
  'share.field': 'Link to this picture',
  'share.close': 'Close',
  'embed.title': 'Embed this picture',
  'embed.intro': 'Paste this HTML into a web page: it shows this animation, with these settings, in {language}. It runs sandboxed, and a host page can drive it with messages (see docs/embedding.md).',
  'embed.controls': 'Show the settings strip',
  'embed.code': 'HTML to paste',
  'embed.copy': 'Copy HTML',
  'embed.copied': 'HTML copied.',
  'embed.selected': 'This browser did not let the page copy: the HTML is selected, copy it with Ctrl+C (⌘C on a Mac).',
  'embed.preview': 'Preview',
} as const;
