import type { ReplyKey } from './catalog-es.js';

/** The English base catalogue: the same keys as the Spanish one (the type makes a missing key a compile error). */
export const enCatalog: Readonly<Record<ReplyKey, string>> = {
  identify_dob:
    'Hi, this is {collector}. To protect your information, I first need to confirm your identity: could you tell me your date of birth (month, day and year)?',
  identify_last4:
    'Hi, this is {collector}. To protect your information, I first need to confirm your identity: could you tell me the last four digits of your national ID?',
  ask_dob: 'Could you tell me your date of birth (month, day and year)?',
  ask_last4: 'Could you tell me the last four digits of your national ID?',
  identity_mismatch: 'That does not match our records.',
  tries_left_two: 'You have two tries left.',
  tries_left_one: 'You have one try left.',
  identity_unreadable: 'I could not read that. You can write it with the month, the day and the year.',
  identity_first: 'Happy to help with that. First I need to confirm your identity.',
  who_we_are:
    'This is {collector}. For your security, I can only share details once you confirm your identity.',
  verification_locked:
    'For your security I cannot continue here. Someone from our team will get in touch with you.',
  contact_pref_generic: 'Noted. We will use the channel and the times you told us.',
  wrong_party_sorry:
    'Sorry for the trouble. We have noted that this contact does not belong to the person we are looking for, and we will not use it again.',
  opt_out_done: 'Understood. We will not contact you {via} again.',
  handoff_person: 'Of course. Someone from our team will answer you here as soon as possible.',
  handed_off_wait: 'Someone from our team already has your case and will answer you soon.',
  abuse_calm: 'I understand this is frustrating. I am here to help, with respect and no pressure.',
  abuse_handoff: 'I would rather have someone from our team help you; they will get in touch soon.',
  deceased_condolences:
    'We are very sorry for your loss. We will stop writing to this contact, and someone from our team will handle this with care.',
  bankruptcy_noted:
    'Thank you for letting us know. We have recorded it, we are stopping these messages, and someone from our team will review your case.',
  attorney_noted:
    'Thank you for letting us know. We have noted that an attorney represents you: we will stop writing to you, and someone from our team will deal with your attorney.',
  unknown_handoff: 'To help you better, I am passing you to someone from our team.',
  vulnerable_handoff:
    'Thank you for telling us. Someone from our team will help you, calmly and with no pressure.',
  disclosure:
    'Thank you, your identity is confirmed. This is {collector} writing on behalf of {creditor}. As of {today}, your balance is {balance}.',
  mini_miranda:
    'This is an attempt to collect a debt, and any information obtained will be used for that purpose.',
  debt_collector_line: 'This message is from a debt collector.',
  opt_out_line: 'Reply STOP to opt out.',
  how_to_resolve:
    'How would you like to resolve it? You can pay in full, choose a payment date, or ask for a payment plan.',
  how_to_resolve_gently:
    'What would help you most? I can pause collection for a while or look for a plan with small payments.',
  balance_info: 'Your balance with {creditor} is {balance}. This is {collector}.',
  promise_done: 'Great, it is noted: {agreement}. Thank you!',
  ask_promise_date: 'What day could you pay {amount}?',
  confirm_question: 'Shall I confirm it?',
  confirm_again: 'Shall I confirm {agreement}? Please answer yes or no.',
  proposal_confirm: 'It would be: {agreement}.',
  counter_offer: 'I cannot do it that way ({reason}), but I can offer you {agreement}.',
  no_counter: 'I cannot do it that way ({reason}).',
  plan_offer: 'I can offer you {agreement}. Does that work for you? If not, tell me how much you could pay.',
  settlement_offer: 'I can offer you {agreement}.',
  settlement_unavailable: 'Right now I cannot offer a discount on the balance.',
  plan_done: 'Done, your plan is set: {agreement}. We will remind you before each payment.',
  settlement_done: 'Done, it is recorded: {agreement}. Thank you!',
  settlement_needs_approval:
    'This proposal needs approval from someone on our team: we are sending it now and will get back to you soon.',
  pause_done: 'Done: {agreement}. We will write again after that date.',
  pending_refused: 'Understood. What would work better for you? You can tell me an amount and a date.',
  already_paid_noted: 'Thank you for letting us know. We have recorded your payment and will check it.',
  already_paid_noted_date:
    'Thank you for letting us know. We have recorded your payment of {date} and will check it.',
  receipt_request: 'If you have a receipt, you can send it here.',
  pause_until: 'Meanwhile, we have paused collection until {until}.',
  dispute_noted: 'Understood, we have recorded your dispute.',
  validation_info:
    'We will send you the details of the debt in writing: the creditor ({creditor}), the amount and how it was calculated. Someone from our team will review your case.',
  hardship_empathy: 'I am very sorry you are going through this. You do not have to solve everything today.',
  hardship_options: 'If it helps, I can offer you {options}. Would either of these help?',
  hardship_referral: '{referral}',
  payment_link: 'Here is the secure link to pay: {link}',
  payment_link_soon: 'We are sending you the secure payment link here right away.',
  refuse_soft:
    'I understand. If it helps, we can find a plan that fits you: tell me how much you could pay a month.',
  refuse_ack: 'Understood. If you change your mind, write to us here any time.',
  reprompt:
    'Sorry, I did not quite understand. You can tell me, for example, what day you could pay, whether you want a payment plan, or if you would rather talk to a person.',
  greeting_open: 'Hi! How can I help you with your account?',
  contact_pref_done: 'Noted: we will contact you{via}{hours}.',
  thanks_close: 'Thank you. We are here if you need us.',
};
