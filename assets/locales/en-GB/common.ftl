# Wording shared by every screen and front end.
# How to add a message: see the comment at the top of src/i18n/mod.rs.

## Languages. Each language is named in its own words, so a visitor
## can find theirs whatever language the screen is in.

language-name-en-GB = English
language-name-cy = Cymraeg
language-name-en-XA = Pseudo (for testing)
# The choice on the kiosk invitation and the start screen.
language-choice = Cymraeg / English
# Plain mode's offer of this language, in its own words: shown on the list
# when the screen is in the other language (a Welsh screen shows this one).
language-offer = English: type e.

## Dates, the way a letter writes them: "1 March 2026".

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# $day is 1 to 31, $month is the month's name, $year is like 2026.
date-long = { $day } { $month } { $year }

## Counts. Fluent picks the right form for each language's plural rules.

# $count: how many practice calls.
calls-count =
    { $count ->
        [one] { $count } call
       *[other] { $count } calls
    }
