// Time zone abbreviations people type, and the zones they usually mean. An abbreviation is never stored:
// most name a fixed offset without daylight saving ("EST" is UTC-5 all year, which Intl may even spell
// America/Panama), or several places ("IST": India, Ireland, Israel), so `/digest subscribe` refuses it and
// suggests these zone names instead.
export const ZONE_ABBREVIATIONS: Record<string, string[]> = {
  ET: ['America/New_York'], EST: ['America/New_York'], EDT: ['America/New_York'], EST5EDT: ['America/New_York'],
  CT: ['America/Chicago'], CST: ['America/Chicago', 'Asia/Shanghai'], CDT: ['America/Chicago'], CST6CDT: ['America/Chicago'],
  MT: ['America/Denver'], MST: ['America/Denver', 'America/Phoenix'], MDT: ['America/Denver'], MST7MDT: ['America/Denver'],
  PT: ['America/Los_Angeles'], PST: ['America/Los_Angeles'], PDT: ['America/Los_Angeles'], PST8PDT: ['America/Los_Angeles'],
  AKST: ['America/Anchorage'], AKDT: ['America/Anchorage'], HST: ['Pacific/Honolulu'],
  AST: ['America/Halifax'], ADT: ['America/Halifax'], NST: ['America/St_Johns'],
  GMT: ['Europe/London', 'UTC'], BST: ['Europe/London'], WET: ['Europe/Lisbon'], WEST: ['Europe/Lisbon'],
  CET: ['Europe/Paris', 'Europe/Berlin'], CEST: ['Europe/Paris', 'Europe/Berlin'], MET: ['Europe/Paris'],
  EET: ['Europe/Athens', 'Europe/Kyiv'], EEST: ['Europe/Athens', 'Europe/Kyiv'], MSK: ['Europe/Moscow'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'], PKT: ['Asia/Karachi'], ICT: ['Asia/Bangkok'],
  WIB: ['Asia/Jakarta'], SGT: ['Asia/Singapore'], HKT: ['Asia/Hong_Kong'], PHT: ['Asia/Manila'],
  JST: ['Asia/Tokyo'], KST: ['Asia/Seoul'], AWST: ['Australia/Perth'], ACST: ['Australia/Adelaide'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'], AEDT: ['Australia/Sydney'], NZST: ['Pacific/Auckland'], NZDT: ['Pacific/Auckland'],
  SAST: ['Africa/Johannesburg'], CAT: ['Africa/Maputo'], EAT: ['Africa/Nairobi'], WAT: ['Africa/Lagos'],
  BRT: ['America/Sao_Paulo'], ART: ['America/Argentina/Buenos_Aires'],
};
