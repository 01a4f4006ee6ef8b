/**
 * Sentence templates for the English synthetic set, in three styles: customer service, forms and
 * narrative. Slots: {N} full name, {F} first name, {L} surname, {PHONE}, {CARD}, {EMAIL}, {IP},
 * {IBAN}, {URL} profile link, {DOB}, {ADDR} street address, {SNR} student or member number.
 * Distractors hold numbers that are no identifiers (orders, amounts, times, years, flights).
 */
export const SERVICE = [
  'Hi, this is {N}. Please call me back at {PHONE} about my refund.',
  'Hello, my name is {N} and my card {CARD} was charged twice.',
  'You can reach me on {PHONE} or email {EMAIL}.',
  'Can someone from billing call {F} at {PHONE}? Thanks.',
  'I tried to pay with {CARD} but the payment failed again.',
  'The charge on card number {CARD} is not mine, please block it.',
  'Please refund the deposit to my account {IBAN}.',
  'My IBAN is {IBAN}, account holder {N}.',
  'I keep getting locked out, my IP is {IP} if that helps.',
  'The login from {IP} at 3:14 am was not me!',
  'Hey, {F} here - text me at {PHONE} when the package ships.',
  'Best number to reach me is {PHONE}, mornings only.',
  'Call our office at {PHONE} and ask for {N}.',
  'My mobile changed, the new one is {PHONE}.',
  'Please update my email to {EMAIL} and my phone to {PHONE}.',
  'I am {N}, student ID {SNR}, and I still have not received my transcript.',
  'Student number {SNR} - can you check why my enrollment is on hold?',
  'You can see my work on {URL}.',
  'Here is my LinkedIn: {URL}',
  'Please verify my identity: {N}, DOB {DOB}.',
  'My birthday is {DOB}, the form keeps rejecting it.',
  'Ship it to {ADDR}, apartment 4, please.',
  'I moved to {ADDR} last month, please update my address.',
  'Good morning, {N} speaking. The full card number is {CARD}.',
  'Dear support, I am writing about order #4471-2290; my card {CARD} was declined.',
  'hi its {F}, my number is {PHONE}',
];

export const FORMS = [
  'Name: {N}\nPhone: {PHONE}\nEmail: {EMAIL}',
  'Full name: {N} | DOB: {DOB} | Tel: {PHONE}',
  'Applicant: {N}\nDate of birth: {DOB}\nAddress: {ADDR}',
  'Cardholder: {N}\nCard no.: {CARD}\nExp: 09/27',
  'Contact: {N}, {PHONE}, {EMAIL}',
  'D.O.B.: {DOB}\nStudent ID: {SNR}',
  'Emergency contact: {N} ({PHONE})',
  'Name: {N}; Mobile: {PHONE}; Work: {PHONE}',
  'Client IP: {IP}\nUser: {EMAIL}',
  'Profile: {URL}\nPhone: {PHONE}',
  'Beneficiary: {N}\nIBAN: {IBAN}\nAmount: $1,250.00',
  'Patient: {N}, born {DOB}, phone {PHONE}',
  'Ref 2024-0198 | {N} | {EMAIL}',
  'Payment method: card {CARD} (expires 11/26)',
];

export const NARRATIVE = [
  '{N} was born on {DOB} and grew up in Ohio.',
  'Yesterday {N} called from {PHONE} asking about the invoice.',
  'After the meeting, {F} sent the slides to {EMAIL}.',
  '{N} lives at {ADDR} with two cats.',
  'We traced the requests to {IP}, which belongs to {N}.',
  'According to her profile ({URL}), {F} works in Denver.',
  '{N}, born {DOB}, was admitted in 2019.',
  'The card used, {CARD}, was registered to {N}.',
  'When {F} moved to {ADDR}, she kept her old number, {PHONE}.',
  "{N}'s date of birth is listed as {DOB} in the system.",
  'My colleague {N} will follow up by phone ({PHONE}).',
  'I spoke with {N} on Tuesday; she asked us to write to {EMAIL}.',
  '{F} said the transfer came from {IBAN}.',
  'Mr. {L} left a voicemail: call him back at {PHONE}.',
  'Ms. {L} was born {DOB} according to the form.',
  'Dr. {L} can be reached at {PHONE}.',
];

/** Sentences with numbers that are not identifiers: every detection in them is over-redaction. */
export const DISTRACTORS = [
  'Your order #10023487 has shipped and should arrive within 3-5 business days.',
  'The total came to $1,299.99 including tax.',
  'Our office is open from 9:00 to 17:30, Monday to Friday.',
  'I worked there from 2015-2019 and again from 2021 to 2023.',
  'Flight BA 2490 leaves at 14:45 from gate 12.',
  'Invoice 2023-04-118 was paid on 12 March.',
  'Tracking number 1Z 999 AA1 01 2345 6784 shows no update.',
  'The meeting is on 03/04 at 10:30 in room 204.',
  'We received 1,245 applications for 300 places this year.',
  'Version 2.14.3 fixed the crash on login.',
  'The fee is EUR 2,530 per year, or 1,265 per semester.',
  'Ticket 48213 was closed on 2024-01-15.',
  'Call volume rose 12.5% between 2022 and 2024.',
  'Chapter 11, page 243, paragraph 3.',
  'Our zip code changed in 1998.',
];

export const OPENERS = ['', '', 'Hi,', 'Hello,', 'Good afternoon,', 'Dear team,', 'Hi {F},'];
export const CLOSERS = [
  '',
  '',
  'Thanks!',
  'Kind regards,\n{N}',
  'Best,\n{F}',
  'Cheers, {F}',
  'Sincerely, {N}',
];
