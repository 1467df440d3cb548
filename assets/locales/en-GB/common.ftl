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

## `hangup progress`: what is kept, in plain lines.
progress-title = Your practice so far.
progress-nothing = Nothing has been saved yet.
# $path: the progress file.
progress-kept-in = Progress is kept in { $path }.
progress-to-delete = To delete it, run: hangup progress --reset
progress-deleted = Your progress has been deleted.
progress-none-to-delete = There was no saved progress to delete.
# $title: the call's title; $id: its id.
progress-call = { $title } ({ $id }).
# $times: how often it was played; $date: the last time, like "1 March 2026";
# $outcome: how the last go ended, in a sentence.
progress-played = Practised { $times ->
        [one] once
       *[other] { $times } times
    }, last on { $date }. Last time: { $outcome }
progress-due-now = Due for practice again now.
# $date: like "15 March 2026".
progress-again-on = Practise again on or after { $date }.
progress-checks = Quick checks (a scam or a real call?):
# $date: the day; $stage: before or after; $score: like "4 of 6 right";
# $unsure: the "Not sure" answers, said apart.
progress-check = On { $date }, { $stage ->
        [before] before practice
       *[after] after practice
    }: { $score }{ $unsure ->
        [0] .
        [one] , once "Not sure: I would check first".
       *[other] , { $unsure } times "Not sure: I would check first".
    }
