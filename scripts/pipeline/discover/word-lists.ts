/**
 * Small closed word lists used by the capitalised-sequence heuristic. They are
 * about English news prose in general, not about any one story.
 */

export const MONTHS_AND_DAYS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/** Capitalised function words: they start sentences and titles, never names. */
export const FUNCTION_WORDS = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Our',
  'In', 'On', 'At', 'For', 'But', 'And', 'Or', 'As', 'If', 'When', 'While', 'After', 'Before', 'Since', 'By', 'With', 'From', 'To', 'Of',
  'What', 'Why', 'How', 'Who', 'Where', 'Which', 'Yet', 'So', 'Then', 'Now', 'Still', 'Also', 'Even', 'Both', 'All', 'Many', 'Some',
  'OK', 'Or', 'Read', 'Watch', 'Share', 'Photo', 'Sources', 'Source', 'Authored', 'Leave',
]);

/** Titles and roles that precede names; they split "Syrian President Ahmed al-Sharaa". */
export const TITLES = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Foreign', 'Defence', 'Defense', 'Secretary', 'General', 'Spokesman', 'Spokeswoman',
  'Spokesperson', 'King', 'Queen', 'Prince', 'Princess', 'Crown', 'Emir', 'Sheikh', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Lord', 'Chancellor',
  'Ambassador', 'Envoy', 'Commander', 'Colonel', 'Col', 'Gen', 'Lt', 'Major', 'Senator', 'Sen', 'Rep', 'Governor', 'Mayor', 'Chairman',
  'Interim', 'Former', 'Acting', 'Deputy', 'Chief', 'Pope', 'Patriarch', 'Leader', 'Premier', 'Director', 'Head',
]);

/** Lower-case particles that may sit inside a name: "Hayat Tahrir al-Sham", "Bank of England". */
export const NAME_PARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'bin', 'ibn', 'abu', 'de', 'da', 'di', 'du', 'van', 'von', 'der', 'of', 'la', 'le']);

/** A last word that marks an organisation ("Chatham House", "Shafaq News"). */
export const ORGANISATION_HEADS = new Set([
  'House', 'Council', 'Institute', 'Institution', 'News', 'Times', 'Post', 'Today', 'Media', 'Press', 'Agency', 'Forces', 'Force', 'Party',
  'Ministry', 'University', 'Committee', 'Front', 'Army', 'Group', 'Bank', 'Union', 'Images', 'Network', 'Center', 'Centre', 'Foundation',
  'Fund', 'Organisation', 'Organization', 'Corps', 'Brigade', 'Brigades', 'Movement', 'Association', 'Company', 'Corporation', 'Inc', 'Ltd',
  'Office', 'Department', 'Court', 'Parliament', 'Assembly', 'Guard', 'Information', 'Tank', 'Commission', 'Authority', 'Service', 'Services',
]);

/** A last word that marks a place ("Qamishli Airport", "Latakia Province"). */
export const PLACE_HEADS = new Set([
  'Airport', 'Base', 'Province', 'Governorate', 'Region', 'Sea', 'River', 'Valley', 'Mountains', 'Mountain', 'City', 'Island', 'Islands',
  'Strait', 'Gulf', 'East', 'West', 'Square', 'Street', 'Port', 'Bay', 'Desert', 'Heights', 'District', 'Border', 'Crossing', 'Lake',
]);

/** Words before a name that say it is a place: "in Latakia", "across Quneitra". */
export const LOCATIVES = new Set(['in', 'to', 'at', 'from', 'near', 'into', 'across', 'outside', 'inside', 'around', 'within', 'toward', 'towards', 'via']);
