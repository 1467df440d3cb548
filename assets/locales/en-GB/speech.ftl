# What speech (--speak) says around the words of a screen.
# How to add a message: see the comment at the top of src/i18n/mod.rs.

# A named person's words: { $who } is the name, { $words } what they say.
speech-says = { $who } says: { $words }
# Words from someone with no name.
speech-they-say = They say: { $words }
speech-message-says = The message says: { $words }
speech-thought = You think: { $words }
# An action and the key that takes it: "Help: press a question mark."
speech-press = { $label }: press { $key }.
speech-key-question-mark = a question mark
# { $letter } is one letter, said on its own.
speech-key-range = { $from } to { $to }
speech-key-letter = the letter { $letter }
# Money: { $pounds } is the number as written ("1,500"), { $pence } the pence.
speech-pounds = { $pounds } pounds
speech-pounds-pence = { $pounds } pounds { $pence }
# One pound: "1 pound", "1 pound 45".
speech-one-pound = { $pounds } pound
speech-one-pound-pence = { $pounds } pound { $pence }
# Group mode: the hands under a choice. { $number } is the choice's number,
# { $hands } what the screen shows under it ("7 hands", "Hands up: 7").
speech-choice-hands = Choice { $number }, { $hands }
# Before a digit is typed: { $prompt } is "Hands up:" as the screen shows it.
speech-hands-none-yet = { $prompt } none yet
