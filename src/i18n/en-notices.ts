/** English messages of the notes about the address, added by Notices when its chunk loads (only an address with something to note loads it). */
export const enNotices = {
  'notice.label': 'Notes about the address',
  'notice.bad-value': 'Ignored {key}={value} in the address: {key} takes {allowed}, so the default is used.',
  'notice.unknown-key': 'Ignored {key} in the address: ConvArith does not know this key. The keys it knows: {allowed}.',
  'notice.dismissOne': 'Dismiss the note about {key}',
  'notice.allowed.whole': 'a whole number from {min} to {max}',
  'notice.allowed.hw': 'a whole number from {min} to {max} for both height and width, or height x width such as {min}x{max}',
  'notice.allowed.oneOf': 'one of {values}',
  'notice.allowed.numbers': '{count} numbers separated by commas',
  'notice.allowed.preset': 'the id of a worked example (the list under “Worked examples”)',
  'notice.allowed.origin': 'a web origin such as https://example.org (scheme, host and port, nothing else)',
  'notice.long': '{start}… ({n} characters)',
} as const;
